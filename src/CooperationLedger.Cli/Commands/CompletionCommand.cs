using System.CommandLine;

namespace CooperationLedger.Cli.Commands;

/// <summary>
/// <c>ledger completion bash|zsh</c>: a script that completes commands, options and their fixed values as they are
/// typed, by asking <c>ledger</c> itself (its <c>[suggest:POSITION]</c> directive), so it never falls behind the tool.
/// </summary>
internal static class CompletionCommand
{
    // The completed program is the one typed (COMP_WORDS[0]): `./ledger`, a path, or `ledger` on the PATH.
    private const string Bash = """
        # ledger completion for bash: eval "$(ledger completion bash)", or save it under ~/.local/share/bash-completion/completions/ledger
        _ledger_complete() {
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _ledger_complete ledger
        """;

    private const string Zsh = """
        # ledger completion for zsh: eval "$(ledger completion zsh)" in ~/.zshrc
        autoload -U +X bashcompinit && bashcompinit
        """;

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh." };
        Choice.Among(shell, "bash", "zsh");
        var command = new Command(
            "completion",
            "Print a script that completes ledger's commands and options in the shell as they are typed.\n\n" +
            "Examples:\n  eval \"$(ledger completion bash)\"\n  ledger completion bash > ~/.local/share/bash-completion/completions/ledger\n  eval \"$(ledger completion zsh)\"")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            context.Output.WriteLine(parse.GetRequiredValue(shell) == "bash" ? Bash : Zsh + "\n" + Bash);
            return ExitCodes.Success;
        });
        return command;
    }
}
