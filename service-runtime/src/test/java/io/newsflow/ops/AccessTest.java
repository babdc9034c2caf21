package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccessTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1,true", "127.0.0.2,true", "localhost,true", "::1,true", "[::1],true", "0.0.0.0,false",
            "10.1.2.3,false", "example.org,false", "::,false"})
    void onlyLoopbackAddressesServeWithoutAToken(String host, boolean loopback) {
        Access access = new Access(host, null, "T");
        assertThat(access.loopback()).isEqualTo(loopback);
        assertThat(access.serving()).isEqualTo(loopback);
        assertThat(access.admits(null)).isEqualTo(loopback);
    }

    @Test
    void aSetTokenIsNeededEvenOnLoopback() {
        Access access = new Access("127.0.0.1", "s3cret", "T");
        assertThat(access.admits(null)).isFalse();
        assertThat(access.admits("Bearer wrong")).isFalse();
        assertThat(access.admits("Bearer s3cre")).isFalse();
        assertThat(access.admits("Basic s3cret")).isFalse();
        assertThat(access.admits("Bearer s3cret")).isTrue();
        assertThat(access.admits("bearer  s3cret ")).isTrue();
    }

    @Test
    void aBlankTokenIsNoToken() {
        assertThat(new Access("0.0.0.0", "  ", "T").serving()).isFalse();
        assertThat(new Access("0.0.0.0", "t", "T").serving()).isTrue();
    }
}
