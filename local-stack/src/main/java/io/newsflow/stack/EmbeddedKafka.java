package io.newsflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import io.newsflow.schema.ArticleSize;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one node, no ZooKeeper) running in
 * this JVM from the Apache Kafka jars. Exactly-once works on it: the transaction log runs with one
 * replica.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String BROKER_USER = "broker";

    private final KafkaConfig config;
    private KafkaRaftServer server;
    private final String bootstrapServers;
    /** What the broker's own admin client needs beyond the address (SASL settings, or nothing). */
    private final Map<String, String> adminProperties;

    private EmbeddedKafka(KafkaConfig config, KafkaRaftServer server, String bootstrapServers, Map<String, String> adminProperties) {
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminProperties = adminProperties;
    }

    /**
     * Formats {@code dataDir} (unless it already holds a broker's data) and starts a broker listening
     * on 127.0.0.1 with PLAINTEXT.
     *
     * @param port broker port, or 0 for any free one
     */
    public static EmbeddedKafka start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, Map.of());
    }

    /**
     * The same with SASL_PLAINTEXT and the PLAIN mechanism on the client listener, accepting
     * {@code users} (name to password); an empty map means PLAINTEXT.
     */
    public static EmbeddedKafka start(Path dataDir, int port, Map<String, String> users) throws IOException {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDir = dataDir.resolve("kafka-logs");
        Files.createDirectories(logDir);
        String protocol = users.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
        Map<String, String> admin = new java.util.LinkedHashMap<>();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        props.put("listeners", protocol + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", protocol + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", protocol);
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + protocol + ":" + protocol);
        if (!users.isEmpty()) {
            String brokerPassword = Uuid.randomUuid().toString();
            StringBuilder jaas = new StringBuilder(PLAIN_LOGIN + " required username=\"" + BROKER_USER + "\" password=\""
                    + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\"");
            users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
            admin.put("security.protocol", protocol);
            admin.put("sasl.mechanism", "PLAIN");
            admin.put("sasl.jaas.config", PLAIN_LOGIN + " required username=\"" + BROKER_USER + "\" password=\"" + brokerPassword + "\";");
        }
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.bytes", String.valueOf(1L << 30)); // a local stack must not fill the disk

        Path configFile = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            props.store(writer, "newsflow embedded broker");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] {"format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", configFile.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IOException("cannot format Kafka log dir " + logDir + ": " + output.toString(StandardCharsets.UTF_8).strip());
            }
        }
        KafkaConfig config = new KafkaConfig(props);
        return new EmbeddedKafka(config, startServer(config, brokerPort), "127.0.0.1:" + brokerPort, Map.copyOf(admin));
    }

    private static KafkaRaftServer startServer(KafkaConfig config, int brokerPort) throws IOException {
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IOException("cannot start the embedded Kafka broker on 127.0.0.1:" + brokerPort + ": " + e.getMessage(), e);
        }
        return server;
    }

    /** Stops the broker cleanly and starts it again on the same ports and data: what a rolling restart does to clients. */
    public synchronized void restart() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        server = startServer(config, Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics (name to partition count) that do not exist yet, each taking records of the
     * default article-size limit ({@link ArticleSize#topicMaxMessageBytes}).
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) throws IOException {
        createTopics(partitionsByTopic, Map.of());
    }

    /** The same, with these topic configs too (e.g. {@code cleanup.policy=compact}). */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> topicConfigs) throws IOException {
        Properties props = new Properties();
        props.putAll(adminProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, String> configs = new java.util.HashMap<>(topicConfigs);
        configs.putIfAbsent(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(ArticleSize.topicMaxMessageBytes(ArticleSize.DEFAULT_MAX_BYTES)));
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1).configs(configs)));
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out creating topics on " + bootstrapServers, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
