package io.codeact.bridge.sim.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.RecordedEpisode;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.Worlds;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class EpisodePlotTest {
    @TempDir
    Path dir;

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** A log as the agent and the safety gate write it: actions, their safety records, observations. */
    private RecordedEpisode episode(World world) throws Exception {
        Path file = dir.resolve("ep.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.record("safety", Map.of("event", "stop", "by", "alice (codeact stop)"));                       // before any action
            log.record("action", Map.of("turn", 1, "code", "..."));
            log.record("safety", Map.of("event", "command", "tool", "robot.base.go_to", "args", Map.of("x", 4.0, "y", 6.0)));
            log.record("safety", Map.of("event", "rejected", "tool", "robot.base.go_to", "args", Map.of("x", 9.0, "y", 3.0),
                    "rule", "geofence.dock_area", "message", "robot.base.go_to() refused: the path crosses dock_area"));
            log.record("observation", Map.of("turn", 1, "text", "...", "telemetry", List.of("sim time 0.00 -> 12.50 s; r1.x 2.00 -> 4.00")));
            log.record("safety", Map.of("event", "resume", "by", "alice"));                                       // not a mark
            log.record("safety", Map.of("event", "halt", "reason", "action 1 ended with TIMEOUT", "halted", Map.of()));
            log.record("action", Map.of("turn", 2, "code", "..."));
            log.record("observation", Map.of("turn", 2, "text", "Observation (ok): nothing changed"));           // no sim time passed
            log.record("action", Map.of("turn", 3, "code", "..."));
            log.record("safety", Map.of("event", "clamped", "tool", "robot.base.drive", "param", "linear", "value", 1.5, "limit", 1.0));
            log.record("episode_end", Map.of("outcome", "solved", "turns", 3));
            log.record("world_state", Map.of("world", world.name(), "state", world.state()));
        }
        return EpisodeLog.read(file);
    }

    @Test
    void safetyEventsGetTheSimTimeSpanOfTheirTurn() throws Exception {
        World w = Worlds.create("warehouse", 1, Map.of());
        w.step(20);
        List<SafetyMark> marks = EpisodePlot.marks(episode(w), 20.0);
        assertThat(marks).extracting(SafetyMark::event).containsExactly("stop", "rejected", "halt", "clamped");
        assertThat(marks).extracting(SafetyMark::caption).containsExactly(
                "turn 0: STOP at sim 0.0 s: by alice (codeact stop)",
                "turn 1: refused robot.base.go_to() to (9.00, 3.00) during sim 0.0–12.5 s: robot.base.go_to() refused: the path crosses dock_area",
                "turn 1: halted motion at sim 12.5 s: action 1 ended with TIMEOUT",
                // turn 2 passed no sim time; turn 3 has no observation (the episode ended in it): it ran until the end
                "turn 3: clamped robot.base.drive() during sim 12.5–20.0 s: linear 1.5 clamped to 1.0");
    }

    @Test
    void aWarehouseEpisodeMarksTheRefusedTargetOnTheMapAndListsEveryEvent() throws Exception {
        World w = Worlds.create("warehouse", 1, Map.of());
        w.command("base.go_to", Map.of("x", 4.0, "y", 6.0));
        Document doc = parse(EpisodePlot.render(episode(w)));
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        int crosses = 0;
        for (int i = 0; i < doc.getElementsByTagName("path").getLength(); i++) {
            if (doc.getElementsByTagName("path").item(i).getAttributes().getNamedItem("class").getNodeValue().equals("safety")) {
                crosses++;
                // (9, 3) on the 20 × 12 m map at 40 px/m: 30 + 9·40 = 390, 30 + (12 − 3)·40 = 390
                assertThat(doc.getElementsByTagName("path").item(i).getAttributes().getNamedItem("d").getNodeValue())
                        .startsWith("M384.0 384.0L396.0 396.0");
            }
        }
        assertThat(crosses).isEqualTo(1);
        assertThat(doc.getDocumentElement().getTextContent()).contains("safety: turn 0: STOP", "safety: turn 1: refused robot.base.go_to()",
                "safety: turn 1: halted motion", "safety: turn 3: clamped", "⊗ refused target");
    }

    @Test
    void aSmartHomeStateFromBeforeTheHistoryWasKeptIsNamed() {
        assertThatThrownBy(() -> SmartHomePlot.draw(Map.of("t", 1.0), List.of()))
                .hasMessage("SvgPlot: state.history must be a map, got nothing; pass a smart_home world's state()");
        assertThatThrownBy(() -> TabletopPlot.draw(Map.of("t", 1.0), List.of()))
                .hasMessage("SvgPlot: state.table must be a map, got nothing; pass a tabletop world's state()");
    }

    @Test
    void liveStatesOfEveryPlottedWorldAreWellFormedSvg() throws Exception {
        World table = Worlds.create("tabletop", 3, Map.of("random_blocks", 2));
        table.command("arm.move_to", Map.of("x", 0.45, "y", -0.2, "z", 0.2));
        Document t = parse(TabletopPlot.draw(table.state(), List.of()));
        assertThat(t.getDocumentElement().getTextContent()).contains("no stacks", "red_block");
        World home = Worlds.create("smart_home", 3, Map.of("random_presence", Map.of("horizon", 7200, "mean_interval", 600)));
        home.step(7200);
        Document h = parse(SmartHomePlot.draw(home.state(), List.of()));
        assertThat(h.getDocumentElement().getTextContent()).contains("events (", "motion: kitchen");
        // a state at t = 0 (one sample) still draws an axis
        parse(SmartHomePlot.draw(Worlds.create("smart_home", 3, Map.of()).state(), List.of()));
    }
}
