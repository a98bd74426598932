using Microsoft.AspNetCore.Http;
using Shop.Products.Apis;

namespace Shop.Catalog.Tests.Unit;

public sealed class IfMatchTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("\"7\"", true)]
    [InlineData("\"6\", \"7\"", true)]
    [InlineData("*", true)]
    [InlineData("\"6\"", false)]
    [InlineData("W/\"7\"", false)]
    public void Strong_comparison_against_the_current_tag(string? header, bool satisfied)
    {
        Assert.True(IfMatch.TryParse(Request(header), out var condition));
        Assert.Equal(satisfied, condition.IsSatisfiedBy("\"7\""));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"7")]
    public void A_header_that_is_not_entity_tags_is_refused(string header) =>
        Assert.False(IfMatch.TryParse(Request(header), out _));

    private static HttpRequest Request(string? ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        return context.Request;
    }
}

public sealed class IfNoneMatchTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("\"7\"", true)]
    [InlineData("W/\"7\"", true)]
    [InlineData("\"6\", \"7\"", true)]
    [InlineData("*", true)]
    [InlineData("\"6\"", false)]
    public void Weak_comparison_against_the_current_tag(string? header, bool notModified)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers.IfNoneMatch = header;
        }

        Assert.Equal(notModified, IfNoneMatch.IsSatisfiedBy(context.Request, "\"7\""));
    }
}
