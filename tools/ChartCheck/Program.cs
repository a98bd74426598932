using Shop.ChartCheck;

return Cli.Run(args, Console.Out, Console.Error);
