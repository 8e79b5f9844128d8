using Glorot.Data;
using Glorot.IO;
using Glorot.Tests.Data;

namespace Glorot.Tests.IO;

public sealed class AtomicFileTests
{
    private static IOException DiskFull(FileOperation operation, string path) => new($"No space left on device ({operation} {path})");

    // How many file operations a write makes, so that a test can fail each in turn.
    private static long Operations(Action write)
    {
        var counter = new FileFaults { SkipDiskFlush = true };
        using (FileFaults.Install(counter)) write();
        return counter.Count;
    }

    [Fact]
    public void A_write_replaces_the_file_and_leaves_no_temporary()
    {
        using var temp = new TempDirectory();
        string path = temp.File("a.txt");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_full_disk_at_any_operation_leaves_the_old_file_and_no_temporary()
    {
        using var temp = new TempDirectory();
        string path = temp.File("w.npy");
        float[] old = [1, 2, 3], fresh = [4, 5, 6, 7];
        Npy.Write(path, old, [3]);
        long operations = Operations(() => Npy.Write(temp.File("count.npy"), fresh, [4]));
        File.Delete(temp.File("count.npy"));
        Assert.True(operations >= 3, $"{operations}");
        for (long k = 0; k < operations; k++)
        {
            using (FileFaults.Install(new FileFaults { FailAt = k, Failure = DiskFull }))
                Assert.Throws<IOException>(() => Npy.Write(path, fresh, [4]));
            // Every operation before the rename leaves the old file; the directory sync after it, the new one.
            var now = Npy.Read(path).Singles!;
            Assert.True(now.SequenceEqual(old) || now.SequenceEqual(fresh), $"operation {k}: a mixed file");
            Assert.Equal(["w.npy"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
            Npy.Write(path, old, [3]);
        }
    }

    [Fact]
    public void A_kill_in_the_middle_of_a_write_leaves_the_old_file_whole()
    {
        using var temp = new TempDirectory();
        string path = temp.File("s.json");
        AtomicFile.WriteAllText(path, "{\"old\": 1}");
        string big = new('x', 3 << 20); // three 1 MiB chunks: the kill lands between them
        long operations = Operations(() => AtomicFile.WriteAllText(temp.File("count"), big));
        for (long k = 0; k < operations; k++)
        {
            using (FileFaults.Install(new FileFaults { FailAt = k, SkipDiskFlush = true }))
                Assert.Throws<SimulatedCrash>(() => AtomicFile.WriteAllText(path, big));
            string now = File.ReadAllText(path);
            Assert.True(now == "{\"old\": 1}" || now == big, $"operation {k}: {now.Length} characters");
            AtomicFile.WriteAllText(path, "{\"old\": 1}");
        }
    }

    [Fact]
    public void A_torn_append_keeps_the_bytes_that_reached_the_file_and_truncate_removes_them()
    {
        using var temp = new TempDirectory();
        string path = temp.File("t.csv");
        AtomicFile.WriteAllText(path, "step\n0\n");
        long length = new FileInfo(path).Length;
        using (FileFaults.Install(new FileFaults { FailAt = 0 }))
            Assert.Throws<SimulatedCrash>(() => AtomicFile.AppendText(path, "1000\n"));
        Assert.Equal("step\n0\n10", File.ReadAllText(path));
        AtomicFile.Truncate(path, length);
        Assert.Equal("step\n0\n", File.ReadAllText(path));
        var ex = Assert.Throws<InvalidDataException>(() => AtomicFile.Truncate(path, length + 5));
        Assert.Contains("lost data", ex.Message);
    }

    [Fact]
    public void Faults_apply_only_to_the_logical_call_that_installed_them()
    {
        // Tests run in parallel: a fault installed by one must not fail another's files.
        using var temp = new TempDirectory();
        using (FileFaults.Install(new FileFaults { FailAt = 0 }))
        {
            var other = new Thread(() => AtomicFile.WriteAllText(temp.File("other"), "other"));
            using (System.Threading.ExecutionContext.SuppressFlow()) other.Start(); // a thread takes the context at Start
            other.Join();
            Assert.Throws<SimulatedCrash>(() => AtomicFile.WriteAllText(temp.File("mine"), "mine"));
        }
        Assert.Equal("other", File.ReadAllText(temp.File("other")));
        Assert.False(File.Exists(temp.File("mine")));
    }
}
