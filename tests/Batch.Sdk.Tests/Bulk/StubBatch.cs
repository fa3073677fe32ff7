using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Tests.Bulk;

/// <summary>
/// An <see cref="IBatchClient"/> whose area interfaces answer with the delegates a test gives (by method name), and
/// record each call's arguments in order. Shows that the bulk sender needs nothing but the mockable interfaces.
/// </summary>
internal sealed class StubBatch
{
    private readonly ConcurrentDictionary<string, Func<object?[], Task>> _handlers = new();

    public StubBatch()
    {
        Client = Proxy<IBatchClient>(call => call.Name switch
        {
            "get_Profiles" => Area<IProfilesClient>("Profiles"),
            "get_Audiences" => Area<IAudiencesClient>("Audiences"),
            "get_Catalogs" => Area<ICatalogsClient>("Catalogs"),
            "get_CustomAudiences" => Area<ICustomAudiencesClient>("CustomAudiences"),
            _ => throw new NotSupportedException(call.Name),
        });
    }

    public IBatchClient Client { get; }

    /// <summary>Whether <see cref="Calls"/> keeps each call's arguments (it keeps the items alive).</summary>
    public bool Record { get; set; } = true;

    /// <summary>Every call, in the order the calls started: "Area.Method" and its arguments.</summary>
    public ConcurrentQueue<(string Method, object?[] Arguments)> Calls { get; } = new();

    /// <summary>Answers "Area.Method" (for example "Profiles.UpdateAsync") with <paramref name="handler"/>.</summary>
    public void On(string method, Func<object?[], Task> handler) => _handlers[method] = handler;

    /// <summary>The item lists sent, in call order, for calls whose body is a list (profiles) or carries one.</summary>
    public List<List<T>> Chunks<T>(string method) =>
        Calls.Where(call => call.Method == method).Select(call => ItemsOf<T>(call.Arguments)).ToList();

    private static List<T> ItemsOf<T>(object?[] arguments)
    {
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case IEnumerable<T> items:
                    return items.ToList();
                case ProfileUpdate:
                    break;
                case AudienceUpdateRequest update when typeof(T) == typeof(AudienceIdUpdate):
                    return update.Ids.Cast<T>().ToList();
                case AudienceReplaceRequest replace when typeof(T) == typeof(AudienceMember):
                    return replace.Ids.Cast<T>().ToList();
                case CatalogItemsEditRequest edit when typeof(T) == typeof(CatalogItemEdit):
                    return edit.Items.Cast<T>().ToList();
            }
        }

        throw new InvalidOperationException("No items of that type in the call.");
    }

    private T Area<T>(string area) where T : class => Proxy<T>(call =>
    {
        var name = $"{area}.{call.Name}";
        if (Record)
            Calls.Enqueue((name, call.Arguments));
        if (!_handlers.TryGetValue(name, out var handler))
            throw new NotSupportedException(name);
        return Typed(handler(call.Arguments), call.ReturnType);
    });

    /// <summary>Adapts a Task to the method's return type (Task, or Task of a default response).</summary>
    private static object Typed(Task task, Type returnType)
    {
        if (returnType == typeof(Task))
            return task;
        var result = returnType.GetGenericArguments()[0];
        var adapt = typeof(StubBatch).GetMethod(nameof(Then), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(result);
        return adapt.Invoke(null, [task])!;
    }

    private static async Task<TResult> Then<TResult>(Task task)
        where TResult : new()
    {
        if (task is Task<TResult> typed)
            return await typed.ConfigureAwait(false);
        await task.ConfigureAwait(false);
        return new TResult();
    }

    private static T Proxy<T>(Func<(string Name, object?[] Arguments, Type ReturnType), object> invoke) where T : class
    {
        var proxy = DispatchProxy.Create<T, Dispatcher>();
        ((Dispatcher)(object)proxy).Invoke_ = invoke;
        return proxy;
    }

    public class Dispatcher : DispatchProxy
    {
        internal Func<(string Name, object?[] Arguments, Type ReturnType), object>? Invoke_ { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Invoke_!((targetMethod!.Name, args ?? [], targetMethod.ReturnType));
    }
}

/// <summary>Input builders for the bulk tests.</summary>
internal static class BulkItems
{
    public static List<ProfileUpdate> Profiles(int count, string prefix = "user-") =>
        Enumerable.Range(0, count).Select(i => Profile($"{prefix}{i}")).ToList();

    public static ProfileUpdate Profile(string customId, string? plan = null) => new()
    {
        Identifiers = new ProfileIdentifiers { CustomId = customId },
        Attributes = plan is null ? null : new Dictionary<string, object> { ["plan"] = plan },
    };

    public static Task Completed(object?[] _) => Task.CompletedTask;

    public static Task<T> Never<T>(CancellationToken token = default) => new TaskCompletionSource<T>().Task.WaitAsync(token);
}
