package io.gridside.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.gridside.console.service.AppDirs;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The console's logging configuration, as the installed console and {@code ./gridside} load it: one rolling file in
 * the logs folder {@link AppDirs} gives, rolled by size and by day with a bounded history, and nothing written to
 * the standard output or error, which belong to the command line's own output.
 */
class LoggingConfigurationTest {

    @TempDir
    Path home;

    @Test
    void logsOnlyToARollingFileInTheLogsFolderOfAppDirs() throws JoranException {
        AppDirs dirs = AppDirs.forPlatform("Linux", home, Map.of("XDG_STATE_HOME", home.resolve("state").toString())
                ::get);
        LoggerContext context = configured(dirs.logs());
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
                appenders.add(it.next());
            }

            assertThat(appenders).singleElement().isInstanceOf(RollingFileAppender.class);
            RollingFileAppender<ILoggingEvent> file = (RollingFileAppender<ILoggingEvent>) appenders.get(0);
            assertThat(Path.of(file.getFile())).isEqualTo(home.resolve("state/gridside/logs/gridside.log"));
            assertThat(file.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
            SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
            assertThat(policy.getMaxHistory()).isEqualTo(14);
            assertThat(policy.getFileNamePattern()).startsWith(dirs.logs().toString()).contains("%i");

            root.info("The first line of the log.");
            assertThat(Files.exists(dirs.logs().resolve("gridside.log"))).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void rollsAtTenMegabytesAndCapsTheWholeHistoryAtTwoHundred() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(configuration().openStream());

        assertThat(FileSize.valueOf(text(xml, "maxFileSize")).getSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(FileSize.valueOf(text(xml, "totalSizeCap")).getSize()).isEqualTo(200L * 1024 * 1024);
        assertThat(xml.getElementsByTagName("appender").getLength()).isEqualTo(1);
        assertThat(xml.getDocumentElement().getTextContent()).doesNotContain("ConsoleAppender");
    }

    private static LoggerContext configured(Path logs) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.putProperty("gridside.logs.dir", logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration());
        return context;
    }

    private static URL configuration() {
        return LoggingConfigurationTest.class.getResource("/logback.xml");
    }

    private static String text(Document xml, String tag) {
        return xml.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
