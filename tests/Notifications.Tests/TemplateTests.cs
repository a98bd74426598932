using System.Text.Json;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.Tests;

/// <summary>The templates alone: what each mail says, HTML encoding, and data that cannot make a mail.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void The_login_code_is_in_the_subject_and_set_apart_in_both_parts()
    {
        var mail = MailTemplates.LoginCode.Render(new LoginCode("012345", new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.Zero)));

        Assert.StartsWith("012345", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("    012345\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains(">012345</p>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("2030-01-02 03:04 UTC", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void A_code_that_is_not_six_ascii_digits_is_refused(string code) =>
        Assert.Throws<InvalidMailDataException>(() => MailTemplates.LoginCode.Render(new LoginCode(code, DateTimeOffset.UtcNow)));

    [Fact]
    public void Every_value_is_html_encoded_in_the_html_part_and_left_as_is_in_the_text_part()
    {
        var order = new OrderStatusChanged(Guid.NewGuid(), "a@example.test", "rejected", 3m, [new OrderLine("<img src=x onerror=alert(1)>", 1, 3m)], "Out of \"stock\" & more");

        var mail = MailTemplates.OrderStatus.Render(order);

        Assert.Contains("<img src=x onerror=alert(1)>", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Out of \"stock\" & more", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"stock\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_named_by_a_schedule_reads_its_data_from_json()
    {
        var data = JsonSerializer.SerializeToElement(new { subject = "Hello", body = "Line one\nLine two" });

        var mail = MailTemplates.Find("message").Render(data);

        Assert.Equal("Hello", mail.Subject);
        Assert.Contains("Line one<br>\nLine two", mail.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_such_template", """{"subject":"a","body":"b"}""")]
    [InlineData("message", """{"subject":"a"}""")]
    [InlineData("message", """{"subject":null,"body":"b"}""")]
    [InlineData("message", """{"subject":"two\nlines","body":"b"}""")]
    [InlineData("order_status", """{"orderId":"00000000-0000-0000-0000-000000000001","email":"a@example.test","status":"lost","total":1}""")]
    [InlineData("order_status", """{"orderId":"00000000-0000-0000-0000-000000000001","email":"a@example.test","status":"shipped","total":"1"}""")]
    [InlineData("cart_reminder", """{"userId":"00000000-0000-0000-0000-000000000001","email":"a@example.test","itemCount":0,"total":0,"updatedAt":"2030-01-01T00:00:00Z"}""")]
    public void Data_that_cannot_make_a_mail_is_refused(string template, string json) =>
        Assert.Throws<InvalidMailDataException>(() => MailTemplates.Find(template).Render(JsonDocument.Parse(json).RootElement));

    [Theory]
    [InlineData("someone@example.test", true)]
    [InlineData("Someone <someone@example.test>", false)]
    [InlineData("someone@example.test\r\nBcc: victim@example.test", false)]
    [InlineData("no-at-sign", false)]
    [InlineData("", false)]
    public void Only_bare_addresses_are_accepted(string address, bool valid)
    {
        if (valid)
        {
            Assert.Equal(address, MailData.Address(address, "to"));
        }
        else
        {
            Assert.Throws<InvalidMailDataException>(() => MailData.Address(address, "to"));
        }
    }
}
