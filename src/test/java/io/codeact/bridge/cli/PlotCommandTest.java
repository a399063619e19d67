package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * {@code codeact plot} on episodes recorded end to end: the oracle (the task's reference solution) or a
 * scripted model, run in the real sandbox against the simulated world behind the shipped safety files.
 */
class PlotCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path oracle(String task) {
        Path log = dir.resolve(task + ".jsonl");
        assertThat(run("run", "--task", task, "--model", "oracle", "--log", log.toString(), "--json")).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        return log;
    }

    private Path scripted(String world, String... replies) throws Exception {
        StringBuilder yaml = new StringBuilder("replies:\n");
        for (String r : replies) {
            yaml.append("  - |\n");
            r.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        }
        Path script = dir.resolve("replies.yaml");
        Files.writeString(script, yaml);
        Path log = dir.resolve(world + "-scripted.jsonl");
        int code = run("run", "--world", world, "--goal", "Show the plot what happened.", "--model", "scripted:" + script,
                "--log", log.toString(), "--json");
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        return log;
    }

    private Document plot(Path log) throws Exception {
        Path svg = dir.resolve(log.getFileName() + ".svg");
        out.getBuffer().setLength(0);
        assertThat(run("plot", log.toString(), "-o", svg.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("plot: " + svg);
        // well-formed XML, or the parser throws
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static List<Element> withClass(Document doc, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String title(Element e) {
        return e.getElementsByTagName("title").item(0).getTextContent();
    }

    private static String text(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }

    @Test
    void drawsATabletopEpisodeFromAboveWithTheTipPathAndTheStackFromTheSide() throws Exception {
        Document doc = plot(oracle("tabletop-stack-by-size"));
        assertThat(withClass(doc, "rect", "table")).hasSize(1);
        assertThat(withClass(doc, "rect", "bin")).extracting(PlotCommandTest::title).containsExactlyInAnyOrder("red_bin", "blue_bin");
        List<Element> blocks = withClass(doc, "rect", "block");
        assertThat(blocks).hasSize(4);
        assertThat(blocks).extracting(e -> e.getAttribute("fill")).containsExactlyInAnyOrder("red", "green", "blue", "yellow");
        // the four blocks end in one pile: one badge saying 4, and the pile from the side, bottom up
        List<Element> badges = withClass(doc, "circle", "stack-height");
        assertThat(badges).hasSize(1);
        assertThat(title(badges.getFirst())).isEqualTo("stack of 4, bottom up: [yellow_block, red_block, green_block, blue_block]");
        assertThat(withClass(doc, "rect", "stack-block")).extracting(PlotCommandTest::title)
                .containsExactly("yellow_block", "red_block", "green_block", "blue_block");
        assertThat(text(doc)).contains("stacks from the side", "4 high", "tabletop from above", "gripper empty");
        // the tip went to each block and back to the pile: a long path, ending where the tip is now
        List<Element> path = withClass(doc, "polyline", "path");
        assertThat(path).hasSize(1);
        String[] points = path.getFirst().getAttribute("points").split(" ");
        assertThat(points.length).isGreaterThan(100);
        Element tip = withClass(doc, "circle", "tip").getFirst();
        assertThat(points[points.length - 1]).isEqualTo(tip.getAttribute("cx") + "," + tip.getAttribute("cy"));
        assertThat(withClass(doc, "circle", "reach")).hasSize(2);
        assertThat(withClass(doc, "path", "safety")).isEmpty();
    }

    @Test
    void drawsASmartHomeEpisodeOverTime() throws Exception {
        Document doc = plot(oracle("home-welcome-bob"));
        // one temperature line per room and the setpoint
        assertThat(withClass(doc, "polyline", "series")).hasSize(5);
        assertThat(withClass(doc, "polyline", "setpoint")).hasSize(1);
        assertThat(text(doc)).contains("light: bedroom", "motion: hallway", "front door locked", "garage", "heating / cooling",
                "sim time (s)", "safety (0)");
        // bob arrives: the door is unlocked for good, he walks through the hallway to the bedroom, whose light goes on
        assertThat(withClass(doc, "rect", "lock")).hasSize(1);
        assertThat(withClass(doc, "rect", "door")).isNotEmpty();
        assertThat(withClass(doc, "rect", "motion")).extracting(PlotCommandTest::title)
                .anyMatch(t -> t.startsWith("motion bedroom occupied")).anyMatch(t -> t.startsWith("motion hallway occupied"));
        assertThat(withClass(doc, "rect", "light")).extracting(PlotCommandTest::title).anyMatch(t -> t.startsWith("light bedroom on"));
        assertThat(withClass(doc, "line", "event")).extracting(PlotCommandTest::title).anyMatch(t -> t.contains("arrived bob"));
        assertThat(withClass(doc, "rect", "safety")).isEmpty();
    }

    @Test
    void placesARefusalInTheSmartHomeTimelineAtItsTurn() throws Exception {
        Path log = scripted("smart_home",
                "<execute>\nhome.light.set('kitchen', on=True)\nwait(300)\n</execute>",
                "<execute>\ntry:\n    home.thermostat.set(setpoint=28)\nexcept Exception as e:\n    print(e)\nwait(100)\n</execute>",
                "<solution>done</solution>");
        Document doc = plot(log);
        List<Element> marks = withClass(doc, "rect", "safety");
        assertThat(marks).hasSize(1);
        assertThat(title(marks.getFirst())).startsWith("turn 2: refused home.thermostat.set() during sim 300.0–400.0 s: ");
        // the mark spans the sim time of turn 2: from the tick at 300 s to the one at 400 s
        double x300 = tickX(doc, "300");
        double x400 = tickX(doc, "400");
        Element mark = marks.getFirst();
        assertThat(Double.parseDouble(mark.getAttribute("x"))).isCloseTo(x300, org.assertj.core.api.Assertions.within(0.2));
        assertThat(Double.parseDouble(mark.getAttribute("width"))).isCloseTo(x400 - x300, org.assertj.core.api.Assertions.within(0.2));
        assertThat(withClass(doc, "text", "safety-caption")).extracting(Element::getTextContent)
                .singleElement().asString().startsWith("safety: turn 2: refused home.thermostat.set()");
        assertThat(text(doc)).contains("safety (1)");
    }

    private static double tickX(Document doc, String label) {
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().equals(label) && t.getAttribute("text-anchor").equals("middle")) {
                return Double.parseDouble(t.getAttribute("x"));
            }
        }
        throw new AssertionError("no tick labelled " + label);
    }

    @Test
    void marksARefusedArmMoveAtItsTargetOnTheTable() throws Exception {
        // the shipped safety file allows 20 robot.arm.* commands per second of sim time; moves to where the tip is take none
        Path log = scripted("tabletop",
                "<execute>\nfor _ in range(20):\n    robot.arm.move_to(0.3, 0.0, 0.3)\ntry:\n    robot.arm.move_to(0.5, 0.1, 0.2)\nexcept Exception as e:\n    print(e)\n</execute>",
                "<solution>done</solution>");
        Document doc = plot(log);
        List<Element> marks = withClass(doc, "path", "safety");
        assertThat(marks).hasSize(1);
        assertThat(title(marks.getFirst())).startsWith("turn 1: refused robot.arm.move_to() to (0.50, 0.10, 0.20) during sim 0.0–");
        assertThat(withClass(doc, "text", "safety-caption")).hasSize(1);
    }

    @Test
    void aLogWithoutAWorldStateIsRefusedWithWhatToDo() throws Exception {
        Path script = dir.resolve("r.yaml");
        Files.writeString(script, "replies:\n  - \"<solution>42</solution>\"\n");
        Path log = dir.resolve("plain.jsonl");
        assertThat(run("run", "--goal", "Answer.", "--model", "scripted:" + script, "--log", log.toString(), "--json")).isEqualTo(ExitCodes.OK);
        assertThat(run("plot", log.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("codeact plot: " + log + " has no world_state record: it was not recorded against a simulated world",
                "codeact replay " + log);
        assertThat(Files.exists(dir.resolve("plain.svg"))).isFalse();
    }

    @Test
    void theToolboxWorldHasNothingToDraw() throws Exception {
        Path log = oracle("toolbox-cheapest-flight");
        assertThat(run("plot", log.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("codeact plot: the toolbox world has nothing to draw", "codeact replay " + log + " shows the episode");
    }

    @Test
    void aMissingLogIsNamed() {
        assertThat(run("plot", dir.resolve("nope.jsonl").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("codeact plot: no such episode log: " + dir.resolve("nope.jsonl"));
    }
}
