package io.codeact.bridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declarations shipped in robot-tools/ load, and every tool binds to the simulator. */
class ShippedDeclarationsTest {
    @Test
    void everyShippedDeclarationLoadsAndHasASimBinding() {
        ToolSet tools = ToolSet.loadDirectory(Path.of("robot-tools"));
        assertThat(tools.tools()).hasSizeGreaterThan(30);
        assertThat(tools.tools()).allSatisfy(t -> assertThat(t.bindings()).as(t.source()).containsKey("sim"));
        assertThat(tools.find("home.lock.unlock").orElseThrow().risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(tools.find("home.garage.open").orElseThrow().risk()).isEqualTo(RiskTier.IRREVERSIBLE);
    }

    @Test
    void worldsDoNotShareAFile() {
        for (String world : List.of("warehouse", "tabletop", "smart_home")) {
            ToolSet one = ToolSet.load(List.of(Path.of("robot-tools", world + ".yaml")));
            assertThat(one.tools()).isNotEmpty();
        }
    }
}
