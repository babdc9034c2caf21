package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdAsIngestMakesThemTakes21Bytes() {
        String id = "url-f150eb1afa7610eda7d57e1c4f848078";
        byte[] packed = Ids.pack(id);
        assertThat(packed).hasSize(21);
        assertThat(Ids.unpack(packed, 0, packed.length)).isEqualTo(id);
    }

    @Test
    void everyStringComesBackAsItWentIn() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "0123456789abcdefABCDEF-/:._zé€漢😀";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 400 : 60);
            for (int c = 0; c < length; c++) {
                int from = random.nextInt(4) == 0 ? 16 : 0; // hex runs are common
                id.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(from, from == 0 ? 16 : 31))));
            }
            byte[] packed = Ids.pack(id.toString());
            byte[] inside = new byte[packed.length + 6];
            System.arraycopy(packed, 0, inside, 3, packed.length);
            assertThat(Ids.unpack(inside, 3, 3 + packed.length)).isEqualTo(id.toString());
        }
        assertThat(Ids.pack("feed-ABCDEF0123456789")).as("uppercase hex stays text").hasSize(1 + 11 + 5);
        assertThat(Ids.pack("x123456789")).as("an odd run keeps its first digit as text").hasSize(1 + 2 + 4);
    }
}
