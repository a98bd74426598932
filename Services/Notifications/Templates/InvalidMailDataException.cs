namespace Shop.Notifications.Templates;

/// <summary>The data for a mail cannot make a mail (unknown template, missing field, bad address): retrying will not help.</summary>
public sealed class InvalidMailDataException(string message, Exception? innerException = null) : Exception(message, innerException);
