package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.LocalStateOrigin.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local state is kept only on the cluster, and the incarnation of its topics, that it was recorded with. */
class LocalStateOriginTest {

    private static final List<String> TOPICS = List.of("news.articles.raw", "app-dedup-signatures-changelog");
    private static final Origin HERE = new Origin("cluster-a", Map.of("news.articles.raw", "t1", "app-dedup-signatures-changelog", "c1"));

    @TempDir
    Path appDir;

    @Test
    void stateRecordedWithThisClusterAndTheseTopicsIsKept() throws Exception {
        Path store = storeFile();
        LocalStateOrigin.record(appDir, HERE);

        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).isEmpty();
        assertThat(store).exists();
    }

    @Test
    void stateOfAnotherClusterIsDeletedAndTheNewOriginRecorded() throws Exception {
        Path store = storeFile();
        LocalStateOrigin.record(appDir, new Origin("cluster-b", HERE.topicIds()));

        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).hasValueSatisfying(why ->
                assertThat(why).contains("cluster-b").contains("cluster-a"));
        assertThat(store).doesNotExist();
        assertThat(LocalStateOrigin.hasState(appDir)).isFalse();
        assertThat(LocalStateOrigin.read(appDir)).contains(HERE);
        assertThat(appDir.resolve(StateDirLock.FILE)).as("files that are not task state stay").exists();
    }

    @Test
    void stateOfATopicCreatedAgainIsDeleted() throws Exception {
        Path store = storeFile();
        LocalStateOrigin.record(appDir, new Origin("cluster-a", Map.of("news.articles.raw", "t1", "app-dedup-signatures-changelog", "c0")));

        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).hasValueSatisfying(why ->
                assertThat(why).contains("app-dedup-signatures-changelog was created again"));
        assertThat(store).doesNotExist();
    }

    @Test
    void stateWhoseChangelogIdWasNeverRecordedIsDeleted() throws Exception {
        Path store = storeFile();
        LocalStateOrigin.record(appDir, new Origin("cluster-a", Map.of("news.articles.raw", "t1")));

        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).hasValueSatisfying(why ->
                assertThat(why).contains("was not recorded"));
        assertThat(store).doesNotExist();
    }

    @Test
    void stateWithNoRecordOfItsOriginIsDeleted() throws Exception {
        Path store = storeFile();

        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).hasValueSatisfying(why ->
                assertThat(why).contains("no record"));
        assertThat(store).doesNotExist();
    }

    @Test
    void aDirectoryWithoutStateOnlyGetsItsOriginRecorded() {
        assertThat(LocalStateOrigin.claim(appDir, HERE, TOPICS)).isEmpty();
        assertThat(LocalStateOrigin.read(appDir)).contains(HERE);
    }

    /** A task directory with a store file in it, as Kafka Streams leaves them, and the instance's lock file beside. */
    private Path storeFile() throws Exception {
        Path store = appDir.resolve("1_0").resolve("dedup-signatures").resolve("000010.sst");
        Files.createDirectories(store.getParent());
        Files.writeString(store, "rocksdb");
        Files.writeString(appDir.resolve("1_0").resolve(".checkpoint"), "0\n1\napp-dedup-signatures-changelog 0 41\n");
        Files.writeString(appDir.resolve(StateDirLock.FILE), "");
        return store;
    }
}
