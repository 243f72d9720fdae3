package se.kvalitetshjulet.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

import se.kvalitetshjulet.domain.Printable;

/**
 * Everything the commands print goes through here: control characters that came from a file (an escape sequence
 * could rewrite the user's screen, a carriage return overwrite a line) are shown escaped; line breaks and tabs stay.
 */
final class TerminalWriter extends FilterWriter {
    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        String s = str.substring(off, off + len);
        // a line separator written by println stays a line break; lone CRs and every other control are escaped
        String safe = Printable.escapeKeepingLines(s.replace(System.lineSeparator(), "\n"));
        if (!"\n".equals(System.lineSeparator())) {
            safe = safe.replace("\n", System.lineSeparator());
        }
        out.write(safe, 0, safe.length());
    }
}
