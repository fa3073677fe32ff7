using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Batch.Sdk.Validation;

namespace Batch.Sdk;

/// <summary>
/// Attribute values for profiles, audiences, custom audiences and catalog items, written the way Batch expects:
/// dates as <c>date(name)</c>, URLs as <c>url(name)</c>, string-array edits as <c>{"$add": [...]}</c> /
/// <c>{"$remove": [...]}</c>, and <c>null</c> to delete. Names are checked before anything is sent.
/// <code>
/// Attributes = new BatchAttributes()
///     .Set("plan", "premium")
///     .SetDate("last_purchase", DateTimeOffset.UtcNow)
///     .SetUrl("avatar", new Uri("https://example.com/a.png"))
///     .AddToArray("interests", "running")
///     .Delete("legacy_score")
/// </code>
/// It is a dictionary, so it can be assigned to any generated <c>Attributes</c> property; entries added through
/// the dictionary's own methods are sent as they are, without these checks.
/// </summary>
public sealed class BatchAttributes : Dictionary<string, object>
{
    // Documented for catalog items and events: lower-case letters, digits and underscores. Native profile
    // attributes ($language, $email_address, ...) are the same with a leading '$'.
    private static readonly Regex NamePattern = new("^\\$?[a-z0-9_]+$", RegexOptions.CultureInvariant);

    /// <summary>Creates an empty set of attributes.</summary>
    public BatchAttributes()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Sets a string, number or boolean attribute, or a whole string array.</summary>
    /// <param name="name">Attribute name: <c>[a-z0-9_]</c>, or a native attribute such as <c>$language</c>.</param>
    /// <param name="value">A string, number, boolean or a sequence of strings.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule.</exception>
    public BatchAttributes Set(string name, object value) => Put(name, name, value ?? throw new ArgumentNullException(nameof(value), "Use Delete to remove an attribute."));

    /// <summary>Sets a date attribute, sent as <c>date(name)</c> with an RFC 3339 UTC value.</summary>
    /// <param name="name">Attribute name, without the <c>date(...)</c> wrapper.</param>
    /// <param name="value">The date; converted to UTC, to the second.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule.</exception>
    public BatchAttributes SetDate(string name, DateTimeOffset value) =>
        Put(name, $"date({name})", value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Sets a URL attribute, sent as <c>url(name)</c>.</summary>
    /// <param name="name">Attribute name, without the <c>url(...)</c> wrapper.</param>
    /// <param name="value">An absolute URL.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule or the URL is not absolute.</exception>
    public BatchAttributes SetUrl(string name, Uri value)
    {
        if (value is null)
            throw new ArgumentNullException(nameof(value));
        if (!value.IsAbsoluteUri)
            throw Invalid($"The URL of attribute '{name}' must be absolute.");
        return Put(name, $"url({name})", value.AbsoluteUri);
    }

    /// <summary>Adds values to a string-array attribute (<c>{"$add": [...]}</c>), keeping the ones already there.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="values">Values to add.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule.</exception>
    public BatchAttributes AddToArray(string name, params string[] values) => Put(name, name, ArrayEdit("$add", values));

    /// <summary>Removes values from a string-array attribute (<c>{"$remove": [...]}</c>).</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="values">Values to remove.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule.</exception>
    public BatchAttributes RemoveFromArray(string name, params string[] values) => Put(name, name, ArrayEdit("$remove", values));

    /// <summary>Deletes an attribute (sent as <c>null</c>).</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="BatchValidationException">The name breaks the naming rule.</exception>
    public BatchAttributes Delete(string name) => Put(name, name, null);

    private BatchAttributes Put(string name, string key, object? value)
    {
        if (name is null)
            throw new ArgumentNullException(nameof(name));
        if (!NamePattern.IsMatch(name))
            throw Invalid($"Attribute name '{name}' must use only lower-case letters, digits and underscores (native attributes start with '$').");

        // One attribute, one entry: setting it as a date replaces an earlier plain or URL value, and so on.
        Remove(name);
        Remove($"date({name})");
        Remove($"url({name})");
        this[key] = value!;
        return this;
    }

    private static Dictionary<string, string[]> ArrayEdit(string operation, string[] values) =>
        new() { [operation] = values ?? throw new ArgumentNullException(nameof(values)) };

    private static BatchValidationException Invalid(string problem) => new("attributes", new[] { problem });
}
