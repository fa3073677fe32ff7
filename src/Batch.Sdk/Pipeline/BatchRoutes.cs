using System.Text;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The one rule for which API family a route belongs to: a path whose version segment is <c>1.x</c> (<c>1.0</c>,
/// <c>1.1</c>) belongs to the App APIs (REST key in <c>X-Authorization</c>, app key in the path); any other version
/// (<c>2.8</c>, <c>2.11</c>) to the Project APIs (<c>Authorization: Bearer</c>, <c>X-Batch-Project</c>).
/// </summary>
internal static class BatchRoutes
{
    /// <summary>Whether a version segment such as <c>1.1</c> belongs to the App APIs.</summary>
    public static bool IsAppApi(string version) => IsAppApi(version, 0);

    /// <summary>Whether the version segment starting at <paramref name="index"/> of <paramref name="text"/> belongs to the App APIs.</summary>
    public static bool IsAppApi(string text, int index) => text.Length > index + 1 && IsAppApi(text[index], text[index + 1]);

    /// <summary>Whether a path relative to the API root, such as <c>1.1//campaigns/create</c>, belongs to the App APIs.</summary>
    public static bool IsAppApi(StringBuilder relativePath) => relativePath.Length > 1 && IsAppApi(relativePath[0], relativePath[1]);

    private static bool IsAppApi(char major, char dot) => major == '1' && dot == '.';
}
