package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The channel's own HMAC-SHA256 gives the RFC's answers and the JDK's, message after message on one instance. */
class HmacSha256Test {
    private static String mac(byte[] key, String data) {
        HmacSha256 m = new HmacSha256(key);
        m.update(data.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(m.doFinal());
    }

    @Test
    void rfc4231Vectors() {
        byte[] twenty0b = new byte[20];
        Arrays.fill(twenty0b, (byte) 0x0b);
        assertThat(mac(twenty0b, "Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(mac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        byte[] longKey = new byte[131]; // longer than a block: hashed first
        Arrays.fill(longKey, (byte) 0xaa);
        assertThat(mac(longKey, "Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void sameAsTheJdksMacOverManyMessagesOnOneInstance() throws Exception {
        Random random = new Random(4231);
        for (int keyLength : new int[] {0, 1, 32, 63, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha256 ours = new HmacSha256(key);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            if (key.length == 0) {
                continue; // the JDK refuses an empty key; the channel's is always 32 bytes
            }
            for (int i = 0; i < 20; i++) {
                byte[] head = new byte[random.nextInt(12)];
                byte[] body = new byte[random.nextInt(300)];
                random.nextBytes(head);
                random.nextBytes(body);
                ours.update(head);
                ours.update(body);
                jdk.update(head);
                jdk.update(body);
                assertThat(ours.doFinal()).as("key %d bytes, message %d", keyLength, i).isEqualTo(jdk.doFinal());
            }
        }
    }
}
