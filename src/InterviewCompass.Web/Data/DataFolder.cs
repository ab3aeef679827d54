namespace InterviewCompass.Web.Data;

/// <summary>
/// The SQLite folder and files are the app's alone, whatever the umask: the folder 0700, the database 0600. SQLite gives its
/// <c>-wal</c>, <c>-shm</c> and <c>-journal</c> files the database file's mode, so the database is created here, empty and
/// 0600, before SQLite first opens it. Modes wider than these (a folder made by an older version, a copied file) are narrowed
/// at every start. The database also holds the Data Protection key ring that signs owner cookies.
/// </summary>
internal static class DataFolder
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The database and the files SQLite keeps beside it.</summary>
    public static IEnumerable<string> FilesOf(string database) => [database, database + "-wal", database + "-shm", database + "-journal"];

    /// <summary>Creates <paramref name="file"/> empty and 0600 (on Windows, with the folder's access), as <paramref name="mode"/> says.</summary>
    public static void CreateOwnerOnly(string file, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (new FileStream(file, options))
        {
            // Nothing written: SQLite takes an empty file as a new database.
        }
    }

    public static void Secure(string folder, string database)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        File.SetUnixFileMode(folder, OwnerOnlyFolder);

        // Created empty (SQLite takes an empty file as a new database), or left as it is.
        CreateOwnerOnly(database, FileMode.OpenOrCreate);

        foreach (var file in FilesOf(database).Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }
}
