using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Infra;

/// <summary>
/// The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package, which restore downloads but nothing
/// references: its path is baked into this assembly at build time (Switchboard.Tests.csproj).
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepExecutable")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}'. Restore the test project (dotnet restore) to download Azure.Bicep.CommandLine.linux-x64.");
        }

        // The package holds the linux-x64 build; NuGet does not keep Unix permissions when it extracts it.
        if (OperatingSystem.IsWindows())
        {
            return path;
        }
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            try
            {
                File.SetUnixFileMode(path, mode | execute);
            }
            catch (UnauthorizedAccessException)
            {
                // A read-only package cache: run a private copy instead.
                var copy = Path.Combine(Path.GetTempPath(), $"switchboard-bicep-{Environment.ProcessId}", "bicep");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(path, copy, overwrite: true);
                File.SetUnixFileMode(copy, mode | execute);
                return copy;
            }
        }
        return path;
    }
}

/// <summary>One bicep invocation: its exit code, output, and the warnings and errors it reported.</summary>
public sealed partial record BicepRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Lines like <c>file(12,3) : Warning no-unused-params: …</c> or <c>… : Error BCP035: …</c>.</summary>
    public IReadOnlyList<string> Diagnostics =>
        Stderr.Split('\n').Select(line => line.Trim()).Where(line => DiagnosticLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"\) : (Warning|Error) ")]
    private static partial Regex DiagnosticLine();
}
