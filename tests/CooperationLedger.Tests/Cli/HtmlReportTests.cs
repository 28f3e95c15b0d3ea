using System.Buffers.Binary;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using Microsoft.Playwright;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// The HTML report of the seeds as known at the end of 2011, opened offline in a real headless Chromium (Debian's
/// <c>chromium</c>, which <c>.ci/run</c> installs when absent), driven by Playwright: it loads with no console error and
/// fetches nothing, its timeline and chart hold the seed facts, and a click on a figure shows its quote in its paragraph.
/// </summary>
public sealed class HtmlReportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-html-").FullName;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    private string Page => Path.Combine(folder, "report.html");

    public async Task InitializeAsync()
    {
        (await RunAsync("ingest", Seeds.Folder)).ExitCode.Should().Be(0);
        var run = await RunAsync("report", "--known-on", "2011-12-31", "--html", Page);
        run.ExitCode.Should().Be(0, run.Error);
        File.Exists(Chromium).Should().BeTrue("the browser tests need Debian's chromium package (bash .ci/run installs it)");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_page_loads_offline_with_no_console_error_and_fetches_nothing()
    {
        var (page, errors, fetched) = await OpenAsync(1280);

        errors.Should().BeEmpty();
        fetched.Should().BeEmpty("the page holds its style, script and charts");
        (await page.TitleAsync()).Should().Contain("as known at the end of 2011");
        (await page.Locator("#axes dt").AllInnerTextsAsync()).Should().HaveCount(3, "the three axes are explained");
    }

    [Fact]
    public async Task The_timeline_draws_every_seed_fact_known_by_the_end_of_2011()
    {
        var (page, _, _) = await OpenAsync(1280);
        var known = Seeds.FactFiles.Select(file => FactFileReader.Read(file)).Where(file => file.Document.PublishedOn.Latest <= new NodaTime.LocalDate(2011, 12, 31)).Sum(file => file.Events.Count);

        (await page.Locator("#timeline-chart a.fact").CountAsync()).Should().Be(known);
        (await page.Locator("#timeline-chart a.fact title").AllTextContentsAsync()).Should().Contain(title => title.Contains("China will donate computers and motor vehicles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chart_shows_what_each_donor_had_given_by_year()
    {
        var (page, _, _) = await OpenAsync(1280);

        var china = page.Locator("svg.donations rect.bar[data-donor='cn'][data-year='2011']");
        (await china.CountAsync()).Should().Be(1, "China pledged in 2011, in KGS");
        (await china.Locator("title").TextContentAsync()).Should().Contain("21,000,000 KGS pledged");
        (await page.Locator("svg.donations rect.bar[data-donor='iom'][data-year='2006']").Locator("title").TextContentAsync()).Should().Contain("about 300,000,000 KGS given");
        (await page.Locator("svg.donations rect.bar[data-donor='cn'][data-year='2006']").CountAsync()).Should().Be(0, "China's pledge of 2011 is in no bar of 2006");
    }

    [Fact]
    public async Task A_click_on_a_figure_shows_its_quote_marked_in_its_paragraph()
    {
        var (page, _, _) = await OpenAsync(1280);

        await page.Locator("#claims a.figure", new PageLocatorOptions { HasTextString = "+39.5%" }).ClickAsync();

        var dialog = page.Locator("#trail-dialog");
        (await dialog.IsVisibleAsync()).Should().BeTrue();
        (await dialog.Locator("mark.quote").TextContentAsync()).Should().Contain("seizing 39.5% more narcotics");
        (await dialog.Locator("blockquote.passage").TextContentAsync()).Should().Contain("Briefed on November 22 by Bolotbek Nogoybayev", "the quote is shown in its paragraph");
        (await dialog.Locator(".speaker").TextContentAsync()).Should().Contain("Bolotbek Nogoybayev");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(480)]
    public async Task A_screenshot_at_each_width_shows_the_whole_page(int width)
    {
        var (page, errors, _) = await OpenAsync(width);
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", $"report-{width}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        // The first screenful, as the README shows it (docs/images/html-report.png is this file at 1280).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(shot, ".first-screen.png") });

        errors.Should().BeEmpty();
        var png = await File.ReadAllBytesAsync(shot);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).Should().Be(width, "the page fits the window: nothing is wider than it");
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).Should().BeGreaterThan(1500, "the whole page, its timeline, chart, claims and trails");
    }

    private async Task<(IPage Page, List<string> Errors, List<string> Fetched)> OpenAsync(int width)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var errors = new List<string>();
        var fetched = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                fetched.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(Page).AbsoluteUri);
        return (page, errors, fetched);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString }, args);
}
