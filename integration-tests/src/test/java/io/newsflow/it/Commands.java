package io.newsflow.it;

import io.newsflow.cli.NewsflowCommand;
import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ClientSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code newsflow} commands run as the command line runs them, against a given cluster; stdout and stderr kept as text. */
record Commands(int code, String out, String err) {

    /** Runs {@code newsflow ARGS...} with the connection flags of {@code cluster} appended. */
    static Commands run(ClientSettings cluster, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", cluster.bootstrapServers(), "--schema-registry-url", cluster.schemaRegistryUrl()));
        for (Map.Entry<String, String> property : cluster.clientProperties().entrySet()) {
            all.addAll(List.of("-p", property.getKey() + "=" + property.getValue()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Cli.commandLine(new NewsflowCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Commands(code, out.toString(), err.toString());
    }

    /** The JSON lines it printed on stdout. */
    List<String> lines() {
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
