package se.kvalitetshjulet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line in a child JVM, so that a test can kill it with SIGKILL, limit the size of the files
 * it may write (RLIMIT_FSIZE through {@code prlimit}: a full disk as the program sees it, without root or a
 * special file system), or make a folder read-only in a way that holds even for root ({@code chattr +i}).
 */
final class ChildProcess {
    private ChildProcess() {
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dkvalitetshjulet.logdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("se.kvalitetshjulet.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code command} with the size of any file it writes limited to {@code bytes} (as on a nearly full disk). */
    static List<String> withFileSizeLimit(long bytes, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("prlimit", "--fsize=" + bytes));
        cmd.addAll(command);
        return cmd;
    }

    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Process p = start(workDir, command);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not finish: " + command);
        }
        return result(p, workDir);
    }

    static Process start(Path workDir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("child.out").toFile())
                .redirectError(workDir.resolve("child.err").toFile());
        pb.environment().put("XDG_DATA_HOME", workDir.resolve("xdg").toString());
        return pb.start();
    }

    static Result result(Process p, Path workDir) throws IOException {
        return new Result(p.exitValue(), Files.readString(workDir.resolve("child.out"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("child.err"), StandardCharsets.UTF_8));
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Makes {@code dir} read-only for this process even as root; {@link #writable} undoes it. */
    static void readOnly(Path dir) throws IOException, InterruptedException {
        if (root()) {
            exec("chattr", "+i", dir.toString());
        } else {
            exec("chmod", "a-w", dir.toString());
        }
    }

    static void writable(Path dir) throws IOException, InterruptedException {
        if (root()) {
            exec("chattr", "-i", dir.toString());
        } else {
            exec("chmod", "u+w", dir.toString());
        }
    }

    private static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
