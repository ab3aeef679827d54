// HeapProbe PID [--gcs N]
// Forces N full blocking GCs in a running .NET process through EventPipe (the GCHeapCollect keyword,
// as dotnet-gcdump does) and prints the managed heap size after the last one, from the runtime's own
// GCHeapStats event. No endpoint in the app is needed. Output (one line each, machine-readable):
//   HEAP_BYTES <sum of gen0..gen2, LOH and POH after the last induced GC>
//   GEN <gen0> <gen1> <gen2> <loh> <poh>
//   RSS_KB <resident set from /proc>
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

if (args.Length < 1 || !int.TryParse(args[0], out var pid))
{
    Console.Error.WriteLine("usage: HeapProbe PID [--gcs N]");
    return 2;
}

var gcs = args.Length >= 3 && args[1] == "--gcs" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2;
GCHeapStatsTraceData? last = null;
for (var i = 0; i < gcs; i++)
{
    last = InducedGcStats(pid, TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("no GCHeapStats event from the induced GC");
}

var s = last!;
var total = s.GenerationSize0 + s.GenerationSize1 + s.GenerationSize2 + s.GenerationSize3 + s.GenerationSize4;
Console.WriteLine($"HEAP_BYTES {total}");
Console.WriteLine($"GEN {s.GenerationSize0} {s.GenerationSize1} {s.GenerationSize2} {s.GenerationSize3} {s.GenerationSize4}");
var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
Console.WriteLine($"RSS_KB {rss?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] ?? "?"}");
return 0;

static GCHeapStatsTraceData? InducedGcStats(int pid, TimeSpan timeout)
{
    var client = new DiagnosticsClient(pid);
    var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
    var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords) };
    using var session = client.StartEventPipeSession(providers, requestRundown: false);
    using var source = new EventPipeEventSource(session.EventStream);
    GCHeapStatsTraceData? result = null;
    var inducedSeen = false;
    source.Clr.GCStart += e =>
    {
        if (e.Reason == GCReason.Induced || e.Reason == GCReason.InducedNotForced || e.Depth == 2)
        {
            inducedSeen = true;
        }
    };
    source.Clr.GCHeapStats += e =>
    {
        if (inducedSeen && result is null)
        {
            result = (GCHeapStatsTraceData)e.Clone();
            session.Stop();
        }
    };
    var reader = Task.Run(source.Process);
    if (!reader.Wait(timeout))
    {
        session.Stop();
    }

    return result;
}
