namespace InterviewCompass.Web.Data;

/// <summary>Which database keeps what people choose to keep (section <c>Storage</c>).</summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default: a file under <see cref="DataPath"/>) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file; relative paths are under the content root. Created on first run.</summary>
    public string DataPath { get; init; } = "App_Data";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStart { get; init; } = true;

    /// <summary>Reads and checks the section; a bad value stops the app with a message naming the setting.</summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _))
        {
            throw new InvalidOperationException(
                $"Storage:Provider is '{provider}': use 'Sqlite' (the default) or 'Postgres'.");
        }

        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            throw new InvalidOperationException("Storage:DataPath is empty: give a folder for the SQLite file or leave it out (App_Data).");
        }

        if (options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres")))
        {
            throw new InvalidOperationException(
                "Storage:Provider is Postgres but ConnectionStrings:Postgres is not set " +
                "(e.g. ConnectionStrings__Postgres=\"Host=127.0.0.1;Username=...;Password=...;Database=interviewcompass\").");
        }

        return options;
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
