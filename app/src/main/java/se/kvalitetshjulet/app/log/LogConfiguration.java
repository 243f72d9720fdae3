package se.kvalitetshjulet.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The program's log, set up in code (decision 0039): Logback's Joran reading an XML file (an XML parser, its model
 * and handlers, some 400 classes) was a visible part of a cold start. The same configuration as the former
 * {@code logback.xml}: a rolling file {@code kvalitetshjulet.log} in {@code kvalitetshjulet.logdir} (the data folder,
 * set by {@code Main}), 5 MB × 5, messages without personal numbers and exceptions without their messages
 * ({@link Redaction}, decision 0013), control characters escaped (decision 11), jOOQ, Flyway, Hikari and POI at WARN,
 * the rest at INFO.
 *
 * <p>Found by Logback through {@code META-INF/services}. It configures only the program started by {@code Main}
 * ({@link #useForThisProgram()}), and steps aside when {@code -Dlogback.configurationFile} names a file of an
 * administrator's own: then, and in tests that use the library without {@code Main} ({@code logback-test.xml}),
 * Logback's own configurators run as before.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    /** The pattern of every line (as the XML had it). */
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - "
            + "%replace(%replace(%replace(%safeMsg){'\\r','\\\\r'}){'\\n','\\\\n'}){'[\\p{Cntrl}\\u0085\\u2028\\u2029]','?'}"
            + "%n%safeEx";
    static final String FILE_NAME = "kvalitetshjulet.log";

    private static volatile boolean program;

    /** Called by {@code Main} before the first logger: this process is the program, so this configuration applies. */
    public static void useForThisProgram() {
        program = true;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!program || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, System.getProperty("kvalitetshjulet.logdir", System.getProperty("java.io.tmpdir")));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} as the program's log, written into {@code dir}. */
    void apply(LoggerContext context, String dir) {

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/" + FILE_NAME);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/kvalitetshjulet.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);

        // %safeMsg and %safeEx (the XML's conversionRule): known to every pattern of this context
        @SuppressWarnings({"unchecked", "rawtypes"})
        java.util.Map<String, java.util.function.Supplier<ch.qos.logback.core.pattern.DynamicConverter>> rules =
                (java.util.Map) context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new java.util.HashMap<>();
            context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("safeMsg", Redaction.Message::new);
        rules.put("safeEx", Redaction.Throwable::new);

        encoder.start();
        file.setEncoder(encoder);
        rolling.start();
        trigger.start();
        file.start();

        context.getLogger("org.jooq").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.apache.poi").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }
}
