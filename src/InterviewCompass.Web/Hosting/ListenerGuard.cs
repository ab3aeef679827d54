using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// Kestrel stops accepting when its listener throws (it logs "The connection listener failed to accept any new connections",
/// e.g. on an <see cref="OutOfMemoryException"/>, and its accept loop ends): the process stays alive but deaf, and no
/// supervisor restarts it. This decorator of the socket transport ends the process instead: it logs the reason, sets exit
/// code 70 and stops the app; if the app has not stopped 15 s later (a heap with no room left may not get far), it fails fast.
/// </summary>
internal static class ListenerGuard
{
    public const int ExitCode = 70;

    public static readonly TimeSpan FailFastAfter = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddListenerGuard(this IServiceCollection services)
    {
        // Kestrel tries the factories registered last first: this one wraps the socket transport it would otherwise use.
        services.AddSingleton<ListenerFailure>();
        services.AddSingleton<IConnectionListenerFactory>(sp => new GuardedListenerFactory(
            new SocketTransportFactory(sp.GetRequiredService<IOptions<SocketTransportOptions>>(), sp.GetRequiredService<ILoggerFactory>()),
            sp.GetRequiredService<ListenerFailure>()));
        return services;
    }
}

/// <summary>What happens when a listener can no longer accept: the process ends, with the reason in the log.</summary>
internal sealed partial class ListenerFailure(IHostApplicationLifetime lifetime, ILogger<ListenerFailure> logger)
{
    private int _failed;

    /// <summary>How long the app has to stop before the process fails fast; null: never (tests).</summary>
    public TimeSpan? FailFastAfter { get; init; } = ListenerGuard.FailFastAfter;

    public void Fail(EndPoint endpoint, Exception exception)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 1)
        {
            return;
        }

        LogFailed(logger, exception, endpoint);
        Environment.ExitCode = ListenerGuard.ExitCode;
        if (FailFastAfter is { } grace)
        {
            _ = Task.Delay(grace).ContinueWith(
                _ => Environment.FailFast($"InterviewCompass stopped accepting connections on {endpoint} and did not stop in time: {exception.GetType().Name}"),
                TaskScheduler.Default);
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The listener on {Endpoint} can accept no more connections; InterviewCompass stops (exit code 70) so a supervisor restarts it")]
    private static partial void LogFailed(ILogger logger, Exception exception, EndPoint endpoint);
}

internal sealed class GuardedListenerFactory(IConnectionListenerFactory inner, ListenerFailure failure) : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new GuardedListener(await inner.BindAsync(endpoint, cancellationToken), failure);

    public bool CanBind(EndPoint endpoint) => inner is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);
}

/// <summary>Passes every call through; an exception out of accepting (outside unbinding) ends the process.</summary>
internal sealed class GuardedListener(IConnectionListener inner, ListenerFailure failure) : IConnectionListener
{
    private volatile bool _closing;

    public EndPoint EndPoint => inner.EndPoint;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.AcceptAsync(cancellationToken);
        }
        catch (Exception exception) when (!_closing && exception is not OperationCanceledException)
        {
            failure.Fail(inner.EndPoint, exception);
            throw;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        _closing = true;
        return inner.UnbindAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _closing = true;
        return inner.DisposeAsync();
    }
}
