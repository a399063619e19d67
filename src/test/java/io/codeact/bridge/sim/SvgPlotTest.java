package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SvgPlotTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void drawsTheWarehouseMapPathsAndGoals() throws Exception {
        World w = Worlds.create("warehouse", 1, Map.of());
        w.command("base.go_to", Map.of("x", 2.0, "y", 10.0));
        w.command("base.go_to", Map.of("x", 1.4, "y", 10.0));
        String svg = SvgPlot.warehouse(w.state(), List.of(new double[] {18, 1.5}));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polygon").getLength()).isEqualTo(4 + 4 + 2);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(svg).contains("bay_1", "shelf_a", "pickup", ">r1<", "t = ");
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertThat(points.split(" ").length).isGreaterThan(10);
        // the start (2, 6) in pixels: 30 + 2·40, 30 + (12 − 6)·40
        assertThat(points).startsWith("110.0,270.0");
    }

    @Test
    void drawsTimeSeriesWithALegendAndTicks() throws Exception {
        World w = Worlds.create("smart_home", 1, Map.of());
        List<Double> t = new ArrayList<>();
        List<Double> temp = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            w.step(60);
            t.add(w.clock().seconds());
            temp.add((Double) w.state().get("temperature"));
        }
        String svg = SvgPlot.timeSeries("House temperature",
                List.of(new SvgPlot.Series("indoor", "°C", toArray(t), toArray(temp))));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(svg).contains("House temperature", "indoor", "°C", "sim time (s)");
    }

    @Test
    void roundTicksCoverTheRange() {
        assertThat(SvgPlot.ticks(0, 3600)).containsExactly(0, 1000, 2000, 3000, 4000);
        assertThat(SvgPlot.ticks(17.8, 21.2)).containsExactly(17.5, 18.0, 18.5, 19.0, 19.5, 20.0, 20.5, 21.0, 21.5);
    }

    @Test
    void escapesNamesAndRejectsAStateWithoutAMap() {
        assertThat(SvgPlot.escape("a<b & 'c'")).isEqualTo("a&lt;b &amp; &apos;c&apos;");
        assertThatThrownBy(() -> SvgPlot.warehouse(Map.of("t", 1.0), List.of()))
                .hasMessage("SvgPlot: state.map must be a map, got nothing; pass a warehouse world's state()");
        assertThatThrownBy(() -> SvgPlot.timeSeries("empty", List.of())).hasMessage("timeSeries(empty) needs at least one series");
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
