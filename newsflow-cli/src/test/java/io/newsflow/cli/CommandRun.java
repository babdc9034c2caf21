package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.runtime.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** A command run as the CLI runs it, its stdout read as JSON lines and its stderr kept as text. */
record CommandRun(int code, List<JsonNode> lines, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CommandRun of(Object command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Cli.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new CommandRun(code, lines, err.toString());
    }
}
