package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * The desktop start's short path (decision 0033): only a command line of desktop options takes it; a subcommand,
 * help or a mistake goes to the full command line, which answers as before.
 */
class GuiStartTest {
    @Test
    void onlyTheDesktopOptionsTakeTheShortPath() {
        assertThat(GuiStart.handles()).isTrue();
        assertThat(GuiStart.handles("--demo")).isTrue();
        assertThat(GuiStart.handles("--db", "/tmp/a.db")).isTrue();
        assertThat(GuiStart.handles("--db=postgresql://eva@server/kvalitet", "--passphrase-file", "nyckel.txt")).isTrue();

        assertThat(GuiStart.handles("demo", "--db", "/tmp/a.db")).as("a subcommand").isFalse();
        assertThat(GuiStart.handles("--help")).isFalse();
        assertThat(GuiStart.handles("--version")).isFalse();
        assertThat(GuiStart.handles("--db")).as("a missing value").isFalse();
        assertThat(GuiStart.handles("--db=")).as("an empty value").isFalse();
        assertThat(GuiStart.handles("--db", "--demo")).as("an option where the value should be").isFalse();
        assertThat(GuiStart.handles("--demo", "--demo")).as("twice").isFalse();
        assertThat(GuiStart.handles("--demo=true")).isFalse();
        assertThat(GuiStart.handles("--db", "a.db", "extra")).as("a stray word").isFalse();
    }

    @Test
    void theDesktopStartReadsItsOptionsWithoutPicocliAndLeavesThePassphraseFileToIt() {
        assertThat(DesktopStart.parse()).isEqualTo(new DesktopStart.Parsed(null, false, null));
        assertThat(DesktopStart.parse("--demo")).isEqualTo(new DesktopStart.Parsed(null, true, null));
        assertThat(DesktopStart.parse("--db", "/tmp/a b.db")).isEqualTo(new DesktopStart.Parsed("/tmp/a b.db", false, null));
        assertThat(DesktopStart.parse("--db=postgresql://eva@server/kvalitet", "--passphrase-file", "nyckel.txt"))
                .isEqualTo(new DesktopStart.Parsed("postgresql://eva@server/kvalitet", false, "nyckel.txt"));
        assertThat(DesktopStart.parse("--db=a=b.db")).as("an = in the value").isEqualTo(new DesktopStart.Parsed("a=b.db", false, null));
        // not started here: picocli answers them (usage errors, help, the passphrase file's own refusal)
        assertThat(DesktopStart.launched("--db")).isFalse();
        assertThat(DesktopStart.launched("check", "--db", "a.db")).isFalse();
        assertThat(DesktopStart.launched("--help")).isFalse();
        assertThat(DesktopStart.launched("--passphrase-file", "saknas.txt")).isFalse();
    }

    @Test
    void theFullCommandLineStillDescribesTheDesktopOptionsAndRefusesMistakesWithUsage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RootCommand.commandLine(out, err);
        String usage = cl.getUsageMessage();
        assertThat(usage).contains("--db=PATH|URL", "--demo", "--passphrase-file=FIL", "Öppna demodatabasen");
        // a mistake is not started as the desktop app: picocli's usage error, exit code 2
        assertThat(RootCommand.run("--db")).isEqualTo(ExitCodes.USAGE);
        assertThat(cl.execute("--demo", "--demo")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--demo");
    }
}
