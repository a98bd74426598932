using System.Text;
using Shop.Gateway.Analytics;

namespace Shop.Analytics.Tests.Unit;

/// <summary>A service's `/internal/stats` body is used only when it is exactly its totals, and plausible.</summary>
public sealed class ServiceAnswersTests
{
    [Fact]
    public void Each_service_shape_is_read()
    {
        Assert.Equal(new UserTotals(10, 7), Read<UserTotals>("""{"users":10,"verifiedUsers":7}"""));
        Assert.Equal(new CatalogueTotals(3), Read<CatalogueTotals>("""{"products":3}"""));
        Assert.Equal(new MailTotals(0), Read<MailTotals>("""{"mailsSent":0}"""));
        var orders = Read<OrderTotals>("""{"ordersByStatus":{"pending":1,"confirmed":2,"rejected":3,"cancelled":4,"shipped":5,"delivered":6},"revenue":123.45}""");
        Assert.Equal(new OrdersByStatus(1, 2, 3, 4, 5, 6), orders?.OrdersByStatus);
        Assert.Equal(123.45m, orders?.Revenue);
    }

    [Fact]
    public void Fields_a_service_adds_later_are_ignored()
    {
        Assert.Equal(new CatalogueTotals(3), Read<CatalogueTotals>("""{"products":3,"outOfStock":1}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"users":10}""")]
    [InlineData("""{"users":"10","verifiedUsers":7}""")]
    [InlineData("""{"users":10,"verifiedUsers":null}""")]
    [InlineData("""{"users":10.5,"verifiedUsers":7}""")]
    [InlineData("""{"users":-1,"verifiedUsers":0}""")]
    [InlineData("""{"users":5,"verifiedUsers":6}""")]
    [InlineData("""{"users":10,"verifiedUsers":7""")]
    public void Anything_but_plausible_user_totals_is_no_answer(string body)
    {
        Assert.Null(Read<UserTotals>(body));
    }

    [Theory]
    [InlineData("""{"ordersByStatus":null,"revenue":0}""")]
    [InlineData("""{"ordersByStatus":{"pending":1,"confirmed":2,"rejected":3,"cancelled":4,"shipped":5},"revenue":0}""")]
    [InlineData("""{"ordersByStatus":{"pending":1,"confirmed":2,"rejected":3,"cancelled":4,"shipped":5,"delivered":-6},"revenue":0}""")]
    [InlineData("""{"ordersByStatus":{"pending":1,"confirmed":2,"rejected":3,"cancelled":4,"shipped":5,"delivered":6},"revenue":-0.01}""")]
    [InlineData("""{"ordersByStatus":{"pending":1,"confirmed":2,"rejected":3,"cancelled":4,"shipped":5,"delivered":6}}""")]
    public void Anything_but_plausible_order_totals_is_no_answer(string body)
    {
        Assert.Null(Read<OrderTotals>(body));
    }

    private static T? Read<T>(string body)
        where T : class, IServiceTotals => ServiceAnswers.TryRead<T>(Encoding.UTF8.GetBytes(body));
}
