namespace Switchboard.Tests.Functions;

/// <summary>The parity check can fail: small Functions sources, read as the real one is, against a hand-made local host.</summary>
public sealed class ParityComparerTests
{
    private const string HealthFunction = """
        [Function(nameof(CheckHealth))]
        public Task<IResult> CheckHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken ct) =>
            checkHealth.HandleAsync(request, ct);
        """;

    private const string InboundFunction = """
        [Function(nameof(ProcessInboundEmail))]
        public Task ProcessInboundEmail([QueueTrigger(QueueNames.InboundEmail)] string message, CancellationToken ct) =>
            processInboundEmail.HandleAsync(message, ct);
        """;

    private const string DigestFunction = """
        [Function(nameof(SendWeeklyDigest))]
        public Task SendWeeklyDigest([TimerTrigger("0 0 8 * * 1")] TimerInfo timer, CancellationToken ct) => sendWeeklyDigest.RunAsync(ct);
        """;

    private static readonly HostSurface Local = new(
        [Http("CheckHealth", "/api/health", "GET")],
        [new QueueBinding("ProcessInboundEmail", "inbound-email")],
        [new TimerBinding("SendWeeklyDigest", "0 0 8 * * 1")]);

    [Fact]
    public void Matching_hosts_have_no_differences()
    {
        Assert.Empty(Differences(Local, HealthFunction, InboundFunction, DigestFunction));
    }

    [Fact]
    public void A_local_route_without_a_function_is_reported()
    {
        var local = Local with { Http = [.. Local.Http, Http("GetConversation", "/api/conversations/{id:guid}", "GET")] };

        Assert.Equal(
            ["Local route GET /api/conversations/{id:guid} (GetConversation) has no [Function] with a matching [HttpTrigger]."],
            Differences(local, HealthFunction, InboundFunction, DigestFunction));
    }

    [Fact]
    public void A_function_without_a_local_route_is_reported()
    {
        const string extra = """
            [Function("GetConversation")]
            public Task<IResult> GetConversation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{id}")] HttpRequest request, string id) =>
                getConversation.HandleAsync(id, request);
            """;

        Assert.Equal(
            ["[Function] GET /api/conversations/{id} (GetConversation) has no local route in SwitchboardApi."],
            Differences(Local, HealthFunction, InboundFunction, DigestFunction, extra));
    }

    [Fact]
    public void A_wrong_verb_is_reported()
    {
        var post = HealthFunction.Replace("\"get\"", "\"post\"", StringComparison.Ordinal);

        Assert.Equal(
            ["CheckHealth /api/health: the local route answers GET, the function POST."],
            Differences(Local, post, InboundFunction, DigestFunction));
    }

    [Fact]
    public void A_wrong_queue_name_is_reported()
    {
        var wrongQueue = InboundFunction.Replace("QueueNames.InboundEmail", "QueueNames.DomainEvents", StringComparison.Ordinal);

        Assert.Equal(
            ["ProcessInboundEmail: the local IQueueHandler has queue 'inbound-email', the function 'domain-events'."],
            Differences(Local, HealthFunction, wrongQueue, DigestFunction));
    }

    [Fact]
    public void A_function_named_unlike_its_handler_is_reported_once()
    {
        var renamed = HealthFunction.Replace("[Function(nameof(CheckHealth))]", "[Function(\"Health\")]", StringComparison.Ordinal);

        Assert.Equal(
            ["GET /api/health: the local endpoint is named CheckHealth, the function Health."],
            Differences(Local, renamed, InboundFunction, DigestFunction));
    }

    [Fact]
    public void A_wrong_schedule_is_reported()
    {
        var hourly = DigestFunction.Replace("0 0 8 * * 1", "0 0 * * * *", StringComparison.Ordinal);

        Assert.Equal(
            ["SendWeeklyDigest: the local ITimerJob has schedule '0 0 8 * * 1', the function '0 0 * * * *'."],
            Differences(Local, HealthFunction, InboundFunction, hourly));
    }

    [Fact]
    public void A_function_without_a_route_is_served_under_its_name()
    {
        var unrouted = HealthFunction.Replace(", Route = \"health\"", "", StringComparison.Ordinal);

        Assert.Equal("/api/checkhealth", Parse(unrouted).Surface.Http.Single().Route);
    }

    [Fact]
    public void A_function_body_of_several_statements_breaks_the_thin_layer_rule()
    {
        const string thick = """
            [Function(nameof(CheckHealth))]
            public async Task<IResult> CheckHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
            {
                var result = await checkHealth.HandleAsync(request);
                return result;
            }
            """;

        var violation = Assert.Single(Parse(thick).RuleViolations);
        Assert.StartsWith("Health.cs:4 [Function(CheckHealth)]: the body must be one call to the handler", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_function_that_is_not_anonymous_breaks_the_rules()
    {
        var keyed = HealthFunction.Replace("AuthorizationLevel.Anonymous", "AuthorizationLevel.Function", StringComparison.Ordinal);

        var violation = Assert.Single(Parse(keyed).RuleViolations);
        Assert.Contains("use AuthorizationLevel.Anonymous (found Function)", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_that_does_not_exist_fails_with_its_name()
    {
        var unknown = InboundFunction.Replace("QueueNames.InboundEmail", "QueueNames.Missing", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => Parse(unknown));
        Assert.Contains("QueueNames.Missing is not a string constant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/Conversations/{ID:guid}", "api/conversations/{id:guid}/")]
    [InlineData("/api/health", "api/HEALTH")]
    [InlineData("/api/files/{*path}", "api/files/{*PATH}")]
    public void Routes_compare_ignoring_case_and_slashes(string local, string function)
    {
        Assert.Equal(RouteTemplate.Normalize(local), RouteTemplate.Normalize(function));
    }

    [Theory]
    [InlineData("/api/conversations/{id}", "api/conversations/{id:guid}")]
    [InlineData("/api/conversations/{id}", "api/conversations/{conversationId}")]
    [InlineData("/api/conversations/{id?}", "api/conversations/{id}")]
    public void Routes_differ_in_parameter_names_constraints_and_optionality(string local, string function)
    {
        Assert.NotEqual(RouteTemplate.Normalize(local), RouteTemplate.Normalize(function));
    }

    private static IReadOnlyList<string> Differences(HostSurface local, params string[] functionMethods) =>
        ParityComparer.Compare(local, Parse(functionMethods).Surface);

    private static FunctionsApp Parse(params string[] functionMethods) =>
        FunctionsSource.Parse(
            functionMethods.Select((method, i) => new SourceFile(i == 0 ? "Health.cs" : $"Other{i}.cs", $"public sealed class Functions{i}\n{{\n{method}\n}}\n")),
            "api",
            SwitchboardConstants.Loaded);

    private static HttpBinding Http(string name, string route, params string[] verbs) =>
        new(name, RouteTemplate.Normalize(route), verbs.ToHashSet(StringComparer.Ordinal));
}
