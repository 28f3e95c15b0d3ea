using Mono.Cecil;

namespace CooperationLedger.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which others, read from its compiled code: every type a type names in its
/// signatures, attributes, fields and method bodies, with the compiler's nested types (closures, state machines)
/// counted as the type that holds them.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> uses = new(StringComparer.Ordinal);
    private readonly List<(string From, string To)> typeUses = [];
    private readonly Dictionary<string, HashSet<string>> external = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> literals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> calls = new(StringComparer.Ordinal);
    private readonly List<string> outside = [];

    private NamespaceGraph()
    {
    }

    /// <summary>Gets each namespace with the other namespaces of the same prefix it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses => uses;

    /// <summary>Gets each namespace with the namespaces outside the prefix that it uses, and the full names of the types it uses there.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> ExternalUses => external;

    /// <summary>Gets each type, by full name, with each type of another namespace of the prefix that it uses.</summary>
    public IReadOnlyList<(string From, string To)> TypeUses => typeUses;

    /// <summary>Gets the string literals each namespace's code holds.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Literals => literals;

    /// <summary>Gets the methods of other libraries each namespace calls, as <c>Type::Method(parameter types)</c>.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> ExternalCalls => calls;

    /// <summary>Gets the assembly's own types that are in no namespace of the prefix (compiler-generated ones aside).</summary>
    public IReadOnlyList<string> TypesOutside => outside;

    /// <summary>Reads the namespaces under <paramref name="prefix"/> of the assembly at <paramref name="path"/>.</summary>
    public static NamespaceGraph Read(string path, string prefix)
    {
        var graph = new NamespaceGraph();
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        graph.outside.AddRange(assembly.MainModule.Types
            .Where(type => !InScope(type.Namespace, prefix) && !IsGenerated(type))
            .Select(type => type.FullName));
        foreach (var type in assembly.MainModule.Types.Where(type => InScope(type.Namespace, prefix)))
        {
            var from = type.Namespace;
            graph.literals.TryAdd(from, new HashSet<string>(StringComparer.Ordinal));
            graph.calls.TryAdd(from, new HashSet<string>(StringComparer.Ordinal));
            foreach (var instruction in InstructionsOf(type))
            {
                switch (instruction.Operand)
                {
                    case string literal:
                        graph.literals[from].Add(literal);
                        break;
                    case MethodReference called when !InScope(TopLevelNamespace(called.DeclaringType), prefix):
                        graph.calls[from].Add($"{called.DeclaringType.Namespace}.{called.DeclaringType.Name}::{called.Name}({string.Join(",", called.Parameters.Select(parameter => parameter.ParameterType.Name))})");
                        break;
                }
            }

            var used = graph.UsesOf(from);
            if (!graph.external.TryGetValue(from, out var outside))
            {
                outside = new HashSet<string>(StringComparer.Ordinal);
                graph.external[from] = outside;
            }

            foreach (var reference in ReferencedTypes(type))
            {
                var name = TopLevelNamespace(reference);
                if (!InScope(name, prefix))
                {
                    outside.Add(name);
                    outside.Add(TopLevel(reference).FullName);
                }
                else if (name != from)
                {
                    used.Add(name);
                    graph.typeUses.Add((type.FullName, TopLevel(reference).FullName));
                }
            }
        }

        return graph;
    }

    /// <summary>Gets the groups of namespaces that use each other, directly or through others (Tarjan's components of more than one).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in uses.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], visited);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in uses.Keys.Order(StringComparer.Ordinal).ToArray())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>Types the compiler or a source generator adds: the module, embedded attributes, generated regexes.</summary>
    private static bool IsGenerated(TypeDefinition type) =>
        type.Name is "<Module>" || type.Name.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal)
        || type.Namespace is "Microsoft.CodeAnalysis" or "System.Runtime.CompilerServices" or "System.Text.RegularExpressions.Generated"
        || type.CustomAttributes.Any(attribute => attribute.AttributeType.Name == "CompilerGeneratedAttribute");

    /// <summary>Every instruction of a type's methods, its nested types' included.</summary>
    private static IEnumerable<Mono.Cecil.Cil.Instruction> InstructionsOf(TypeDefinition type) =>
        type.Methods.Where(method => method.HasBody).SelectMany(method => method.Body.Instructions)
            .Concat(type.NestedTypes.SelectMany(InstructionsOf));

    private static bool InScope(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private HashSet<string> UsesOf(string name)
    {
        if (!uses.TryGetValue(name, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            uses[name] = set;
        }

        return set;
    }

    private static List<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var seen = new HashSet<TypeReference>();
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            while (reference is not null && seen.Add(reference))
            {
                switch (reference)
                {
                    case GenericInstanceType generic:
                        foreach (var argument in generic.GenericArguments)
                        {
                            Add(argument);
                        }

                        reference = generic.ElementType;
                        continue;
                    case TypeSpecification specification:
                        reference = specification.ElementType;
                        continue;
                    case GenericParameter:
                        return;
                }

                found.Add(reference);
                return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Concat(attribute.Fields).Select(named => named.Argument)))
                {
                    Add(argument.Type);
                    Add(argument.Value as TypeReference);
                }
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        void AddType(TypeDefinition definition)
        {
            Add(definition.BaseType);
            AddAttributes(definition);
            foreach (var contract in definition.Interfaces)
            {
                Add(contract.InterfaceType);
            }

            foreach (var field in definition.Fields)
            {
                Add(field.FieldType);
                AddAttributes(field);
            }

            foreach (var property in definition.Properties)
            {
                Add(property.PropertyType);
                AddAttributes(property);
            }

            foreach (var method in definition.Methods)
            {
                AddMethod(method);
                AddAttributes(method);
                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var variable in method.Body.Variables)
                {
                    Add(variable.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference reference:
                            Add(reference);
                            break;
                        case MethodReference called:
                            AddMethod(called);
                            break;
                        case FieldReference field:
                            Add(field.DeclaringType);
                            Add(field.FieldType);
                            break;
                    }
                }
            }

            foreach (var nested in definition.NestedTypes)
            {
                AddType(nested);
            }
        }

        AddType(type);
        return found;
    }

    private static TypeReference TopLevel(TypeReference reference)
    {
        while (reference.DeclaringType is not null)
        {
            reference = reference.DeclaringType;
        }

        return reference;
    }

    private static string TopLevelNamespace(TypeReference reference) => TopLevel(reference).Namespace;
}
