using Shop.Gateway.Security;

namespace Shop.Gateway.Tests;

/// <summary>The validation cache's key comparison: exact, whatever the length and wherever two tokens differ.</summary>
public sealed class TokenComparerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(481)]
    public void Equal_tokens_are_equal_and_a_change_anywhere_makes_them_differ(int length)
    {
        var token = string.Create(length, 0, (characters, _) =>
        {
            for (var index = 0; index < characters.Length; index++)
            {
                characters[index] = (char)('A' + (index % 26));
            }
        });
        var comparer = TokenComparer.Instance;

        Assert.True(comparer.Equals(new string(token.AsSpan()), token));
        Assert.Equal(comparer.GetHashCode(token), comparer.GetHashCode(token.AsSpan()));
        for (var index = 0; index < length; index++)
        {
            var changed = string.Concat(token.AsSpan(0, index), "-", token.AsSpan(index + 1));
            Assert.False(comparer.Equals(changed.AsSpan(), token), $"a change at {index} went unnoticed");
        }

        Assert.False(comparer.Equals(token.AsSpan(0, length - 1), token));
        Assert.False(comparer.Equals((token + "A").AsSpan(), token));
        Assert.False(comparer.Equals(token, null));
    }
}
