package io.codeact.bridge.sim.toolbox;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.internal.CommandArgs;
import io.codeact.bridge.sim.internal.CommandTable;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.TickedWorld;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Information tools over fixed tables (docs/SIMULATORS.md, "toolbox"). Nothing moves and no time
 * passes; the state records how many calls each tool got, so checks and plots can see how an answer
 * was reached. The scenario takes no keys.
 */
public final class ToolboxWorld extends TickedWorld<Map<String, ?>> {
    private final Map<String, Integer> calls = new TreeMap<>();

    private ToolboxWorld(Map<String, ?> scenario) {
        super("toolbox", scenario, 1.0);
        serve(table());
    }

    public static ToolboxWorld fromScenario(long seed, Map<String, ?> scenario) {
        if (scenario != null && !scenario.isEmpty()) {
            throw new ScenarioException("toolbox", String.valueOf(scenario.keySet().iterator().next()),
                    "the toolbox world takes no scenario keys");
        }
        ToolboxWorld w = new ToolboxWorld(Map.of());
        w.reset(seed);
        return w;
    }

    private CommandTable table() {
        return new CommandTable("toolbox")
                .add("travel.flights", List.of("origin", "destination", "date"), a -> done(a, flights(a)))
                .add("travel.hotels", List.of("city"), a -> done(a, hotels(a)))
                .add("travel.distance", List.of("a", "b"), a -> done(a, distance(a)))
                .add("shop.price", List.of("product"), a -> done(a, price(a)))
                .add("shop.exchange_rate", List.of("source", "target"), a -> done(a, rate(a)))
                .add("shop.discount", List.of("code"), a -> done(a, discount(a)))
                .add("atlas.capital", List.of("country"), a -> done(a, capital(a)))
                .add("atlas.population", List.of("city"), a -> done(a, population(a)))
                .add("codec.inbox", List.of(), a -> done(a, Fields.of("messages", ToolboxData.inbox())))
                .add("codec.decode", List.of("text", "scheme", "shift"), a -> done(a, decode(a)));
    }

    private Activity done(CommandArgs a, Map<String, Object> result) {
        calls.merge(a.api(), 1, Integer::sum);
        return Activity.completed(a.api(), result);
    }

    private Map<String, Object> flights(CommandArgs a) {
        String from = city(a, "origin");
        String to = city(a, "destination");
        String date = a.text("date");
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw a.bad("date must be YYYY-MM-DD, got '" + date + "'");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ToolboxData.Flight f : ToolboxData.FLIGHTS) {
            if (f.from().equals(from) && f.to().equals(to) && f.date().equals(date)) {
                out.add(Fields.of("flight", f.number(), "departs", f.departs(), "arrives", f.arrives(),
                        "price", f.price(), "currency", "EUR"));
            }
        }
        return Fields.of("flights", out);
    }

    private Map<String, Object> hotels(CommandArgs a) {
        String c = city(a, "city");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ToolboxData.Hotel h : ToolboxData.HOTELS) {
            if (h.city().equals(c)) {
                out.add(Fields.of("name", h.name(), "price_per_night", h.price(), "currency", "EUR", "rating", h.rating()));
            }
        }
        return Fields.of("hotels", out);
    }

    private Map<String, Object> distance(CommandArgs a) {
        String x = city(a, "a");
        String y = city(a, "b");
        double[] p = ToolboxData.COORDINATES.get(x);
        double[] q = ToolboxData.COORDINATES.get(y);
        if (p == null || q == null) {
            throw a.bad("no coordinates for " + (p == null ? x : y) + "; known: " + String.join(", ", ToolboxData.COORDINATES.keySet()));
        }
        return Fields.of("km", Math.round(greatCircleKm(p, q)));
    }

    static double greatCircleKm(double[] p, double[] q) {
        double la1 = Math.toRadians(p[0]);
        double la2 = Math.toRadians(q[0]);
        double dla = la2 - la1;
        double dlo = Math.toRadians(q[1] - p[1]);
        double h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }

    private Map<String, Object> price(CommandArgs a) {
        String product = a.text("product").strip().toLowerCase(Locale.ROOT);
        ToolboxData.Product p = ToolboxData.PRODUCTS.get(product);
        if (p == null) {
            throw a.bad("no product '" + product + "'; products: " + String.join(", ", ToolboxData.PRODUCTS.keySet()));
        }
        return Fields.of("product", product, "price", p.price(), "currency", p.currency(), "store", p.store());
    }

    private Map<String, Object> rate(CommandArgs a) {
        String from = a.text("source").strip().toUpperCase(Locale.ROOT);
        String to = a.text("target").strip().toUpperCase(Locale.ROOT);
        Double f = ToolboxData.EUR_PER_UNIT.get(from);
        Double t = ToolboxData.EUR_PER_UNIT.get(to);
        if (f == null || t == null) {
            throw a.bad("unknown currency " + (f == null ? from : to) + "; currencies: "
                    + String.join(", ", ToolboxData.EUR_PER_UNIT.keySet()));
        }
        return Fields.of("source", from, "target", to, "rate", Fields.round(f / t, 6),
                "meaning", "1 " + from + " = rate " + to);
    }

    private Map<String, Object> discount(CommandArgs a) {
        String code = a.text("code").strip().toUpperCase(Locale.ROOT);
        Integer pct = ToolboxData.DISCOUNTS.get(code);
        if (pct == null) {
            return Fields.of("code", code, "valid", false, "percent", 0);
        }
        return Fields.of("code", code, "valid", true, "percent", pct, "applies_to", "the whole order, after conversion to EUR");
    }

    private Map<String, Object> capital(CommandArgs a) {
        String country = a.text("country").strip();
        String capital = ToolboxData.CAPITALS.get(country.toLowerCase(Locale.ROOT));
        if (capital == null) {
            throw a.bad("no country '" + country + "' in the atlas; countries: " + String.join(", ", ToolboxData.CAPITALS.keySet()));
        }
        return Fields.of("country", country, "capital", capital);
    }

    private Map<String, Object> population(CommandArgs a) {
        String c = city(a, "city");
        Long n = ToolboxData.POPULATION.get(c);
        if (n == null) {
            throw a.bad("no population for " + c + "; cities: " + String.join(", ", ToolboxData.POPULATION.keySet()));
        }
        return Fields.of("city", c, "population", n, "year", 2024);
    }

    private Map<String, Object> decode(CommandArgs a) {
        String text = a.text("text");
        String scheme = a.text("scheme").strip().toLowerCase(Locale.ROOT);
        String out = switch (scheme) {
            case "base64" -> {
                try {
                    yield new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw a.bad("not valid base64: " + e.getMessage());
                }
            }
            case "reverse" -> new StringBuilder(text).reverse().toString();
            case "caesar" -> ToolboxData.caesar(text, -(int) a.number("shift", 3, -25, 25, ""));
            case "rot13" -> ToolboxData.caesar(text, 13);
            default -> throw a.bad("unknown scheme '" + scheme + "'; schemes: base64, reverse, caesar (with shift), rot13");
        };
        return Fields.of("text", out);
    }

    private static String city(CommandArgs a, String name) {
        String raw = a.text(name).strip();
        for (String known : ToolboxData.COORDINATES.keySet()) {
            if (known.equalsIgnoreCase(raw)) {
                return known;
            }
        }
        throw a.bad("unknown city '" + raw + "'; cities: " + String.join(", ", ToolboxData.COORDINATES.keySet()));
    }

    @Override
    protected void tick(double dt) {}

    @Override
    protected void resetState(SplittableRandom root) {
        calls.clear();
    }

    @Override
    public Map<String, Object> halt(String reason) {
        return Fields.of("halted", List.of(), "reason", reason);
    }

    @Override
    public Map<String, Object> state() {
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        return Fields.of("world", name(), "seed", seed(), "calls", new LinkedHashMap<>(calls), "total_calls", total);
    }

    /** One stream: how many tool calls so far (there are no sensors). */
    @Override
    public Map<String, Object> telemetry() {
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        return Fields.of("toolbox/calls", Fields.of("total", total, "t", clock().seconds()));
    }
}
