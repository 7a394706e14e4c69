package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The busy-block table agrees with a HashMap under random puts and removes, including colliding runs. */
class BlockTableTest {

    @Test
    void randomPutsAndRemovesAgreeWithAHashMap() {
        long seed = 42;
        Random rnd = new Random(seed);
        BlockTable table = new BlockTable();
        Map<Long, Block> model = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int op = 0; op < 50_000; op++) {
            if (rnd.nextInt(3) > 0 || keys.isEmpty()) {
                long key = 0x10000 + 8L * rnd.nextInt(4096); // few distinct keys: long probe runs and reuse
                Block b = new Block(key, 16, null);
                table.put(b);
                if (model.put(key, b) == null) {
                    keys.add(key);
                }
            } else {
                long key = keys.remove(rnd.nextInt(keys.size()));
                table.remove(key);
                model.remove(key);
            }
            if (op % 1000 == 0) {
                for (Map.Entry<Long, Block> e : model.entrySet()) {
                    assertThat(table.get(e.getKey())).as("seed %d op %d key %#x", seed, op, e.getKey())
                            .isSameAs(e.getValue());
                }
                assertThat(table.size()).isEqualTo(model.size());
                assertThat(table.get(0x8)).isNull();
            }
        }
    }
}
