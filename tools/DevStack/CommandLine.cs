using System.Globalization;

namespace Shop.DevStack;

internal static class CommandLine
{
    public static int Replicas(string[] args)
    {
        var index = Array.IndexOf(args, "--replicas");
        if (index < 0)
        {
            return 1;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) && replicas is >= 1 and <= 5
            ? replicas
            : throw new StackException("--replicas takes a number from 1 to 5.");
    }

    public static int Usage()
    {
        Console.Error.WriteLine("usage: shop-devstack up [--replicas N] | down | status | reset");
        return 2;
    }
}
