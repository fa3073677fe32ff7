namespace Batch.Sdk.Security;

/// <summary>
/// The one rule for every key the SDK sends (REST key, project key, app API key): visible ASCII only, checked before
/// anything is sent. A key with a trailing newline (read from a file), CR, LF, NUL, a space or a non-ASCII character
/// would otherwise be written raw into a header or path, where CR/LF inject headers or whole requests.
/// </summary>
internal static class BatchKeys
{
    /// <summary>Whether <paramref name="key"/> is non-empty and made only of visible ASCII characters (<c>!</c> to <c>~</c>).</summary>
    public static bool IsWellFormed(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return false;
        foreach (var c in key!)
        {
            if (c is < '!' or > '~')
                return false;
        }

        return true;
    }

    /// <summary>What is wrong with a key, naming the setting and never showing the value; null when it is usable.</summary>
    /// <param name="key">The key.</param>
    /// <param name="setting">The name of the setting, such as <c>BatchClientOptions.RestApiKey</c>.</param>
    /// <param name="required">Whether an unset key is a problem.</param>
    public static string? Problem(string? key, string setting, bool required)
    {
        if (string.IsNullOrEmpty(key))
            return required ? $"{setting} is required." : null;
        return IsWellFormed(key)
            ? null
            : $"{setting} must contain only visible ASCII characters: no spaces, line breaks (check for a trailing newline), control or non-ASCII characters.";
    }
}
