namespace Shop.Access.Tests;

public sealed class AccessTableTests
{
    public static TheoryData<string, string> Rules() => DataOf(AccessTable.Rules);

    public static TheoryData<string, string> RulesWithParameters() =>
        DataOf(AccessTable.Rules.Where(rule => rule.Template.Contains('{', StringComparison.Ordinal)));

    [Fact]
    public void Table_is_exactly_the_contract() =>
        Assert.Equal(
            ContractRows.All.Select(row => new AccessRule(row.Method, row.Template, row.Access, row.Service)).OrderBy(Key),
            AccessTable.Rules.OrderBy(Key));

    [Fact]
    public void No_two_rules_answer_the_same_request()
    {
        var shapes = AccessTable.Rules.Select(rule => $"{rule.Method} {ShapeOf(rule.Template)}").ToList();

        Assert.Equal(shapes.Count, shapes.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_concrete_path_matches_its_rule(string method, string template)
    {
        var path = ContractRows.Sample(template);

        Assert.Same(Rule(method, template), AccessTable.Match(method, path));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Query_strings_and_one_trailing_slash_do_not_change_the_match(string method, string template)
    {
        var path = ContractRows.Sample(template);
        var rule = Rule(method, template);

        Assert.Same(rule, AccessTable.Match(method, path + "?page=2&q=a%2Fb"));
        Assert.Same(rule, AccessTable.Match(method, path + "/"));
        Assert.Same(rule, AccessTable.Match(method, path + "/?x=..%2F"));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Methods_the_table_does_not_list_for_a_path_do_not_match(string method, string template)
    {
        var path = ContractRows.Sample(template);
        var listed = AccessTable.Rules.Where(rule => ShapeOf(rule.Template) == ShapeOf(template)).Select(rule => rule.Method).ToHashSet();

        foreach (var other in new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE" }.Where(other => !listed.Contains(other)))
        {
            Assert.Null(AccessTable.Match(other, path));
        }

        Assert.Contains(method, listed);
    }

    [Theory]
    [MemberData(nameof(RulesWithParameters))]
    public void Parameters_are_one_non_empty_segment(string method, string template)
    {
        var rule = Rule(method, template);

        Assert.NotSame(rule, AccessTable.Match(method, WithParameters(template, string.Empty)));
        Assert.NotSame(rule, AccessTable.Match(method, WithParameters(template, "a/b")));
    }

    [Fact]
    public void Method_names_match_in_any_case() =>
        Assert.Same(Rule("GET", "/product"), AccessTable.Match("get", "/product"));

    [Theory]
    [InlineData("/Product")]
    [InlineData("/PRODUCT/1")]
    [InlineData("/Auth/me")]
    public void Paths_are_case_sensitive(string path) => Assert.Null(AccessTable.Match("GET", path));

    [Theory]
    [InlineData("GET", "/authn")]
    [InlineData("POST", "/authn")]
    [InlineData("GET", "/authz")]
    [InlineData("POST", "/authz")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/alive")]
    [InlineData("GET", "/internal/stock")]
    [InlineData("POST", "/internal/orders/1/reserve")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/auth")]
    [InlineData("GET", "/auth/users/1")]
    [InlineData("GET", "/product/1/extra")]
    [InlineData("GET", "/cart/items")]
    public void Routes_outside_the_contract_are_not_public(string method, string path) => Assert.Null(AccessTable.Match(method, path));

    [Theory]
    [InlineData("/product/../authn")]
    [InlineData("/product/./1")]
    [InlineData("/./product")]
    [InlineData("/product/%2e%2e/authn")]
    [InlineData("/product/%2E%2E/authn")]
    [InlineData("/product/.%2e/authn")]
    [InlineData("/product/%2e")]
    [InlineData("/auth/me/..%2f..%2fauthn")]
    [InlineData("/product/a%2Fb")]
    [InlineData("/product/a%5cb")]
    [InlineData("/product/a\\b")]
    [InlineData("/product\\..\\authn")]
    [InlineData("/product//1")]
    [InlineData("//product")]
    [InlineData("/product/1//")]
    [InlineData("/product//")]
    [InlineData("/order/1/cancel/..")]
    public void Traversal_and_encoded_separators_never_match(string path) => Assert.Null(AccessTable.Match("GET", path));

    [Theory]
    [InlineData("")]
    [InlineData("product")]
    [InlineData("*")]
    [InlineData("?/product")]
    [InlineData("http://shop.example/product")]
    public void Targets_that_are_not_absolute_paths_never_match(string target) => Assert.Null(AccessTable.Match("GET", target));

    [Fact]
    public void Matching_allocates_nothing()
    {
        // The gateway matches every request it forwards; garbage here is paid for on every request.
        string[] targets = ["/product/0190f1d2-aaaa-7bbb-8ccc-123456789abc?page=2", "/order/1/cancel/", "/product/../authn", "/nowhere"];
        foreach (var target in targets)
        {
            AccessTable.Match("GET", target);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var target in targets)
        {
            AccessTable.Match("POST", target);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Rules_with_the_same_values_are_equal()
    {
        var rule = Rule("GET", "/product/{id}");
        var copy = new AccessRule("GET", "/product/{id}", AccessLevel.Anonymous, "products");

        Assert.Equal(rule, copy);
        Assert.Equal(rule.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(rule, copy with { Access = AccessLevel.Admin });
    }

    private static TheoryData<string, string> DataOf(IEnumerable<AccessRule> rules)
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in rules)
        {
            data.Add(rule.Method, rule.Template);
        }

        return data;
    }

    private static AccessRule Rule(string method, string template) =>
        AccessTable.Rules.Single(rule => rule.Method == method && rule.Template == template);

    private static string WithParameters(string template, string value) =>
        string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? value : segment));

    private static string Key(AccessRule rule) => $"{rule.Method} {rule.Template}";

    private static string ShapeOf(string template) =>
        string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? "{}" : segment));
}
