package dev.castmesh.controlplane.playback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.controlplane.testing.LivemanShape;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recordings and playback HTTP API through the real server, on every database. */
abstract class PlaybackApiContract {
    private static final Set<String> RECORDING_FIELDS = Set.of("id", "stream", "year", "month", "day", "mpd_path",
            "created_at", "updated_at", "record");
    private TestControlPlane app;

    abstract TestControlPlane.Db db();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(db());
        app.reset();
    }

    private Reply get(String path) {
        return Reply.send(app.client(), HttpRequest.GET(path));
    }

    private Reply put(String json) {
        return Reply.send(app.client(), HttpRequest.PUT("/api/recordings", json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String item(String stream, int year, int month, int day, String mpdPath) {
        return "{\"stream\":\"" + stream + "\",\"year\":" + year + ",\"month\":" + month + ",\"day\":" + day
                + ",\"mpd_path\":\"" + mpdPath + "\"}";
    }

    private void putDays(String stream, int year, int month, int... days) {
        List<String> items = new ArrayList<>();
        for (int day : days) {
            items.add(item(stream, year, month, day, stream + "/" + day + ".mpd"));
        }
        assertEquals(200, put("[" + String.join(",", items) + "]").status());
    }

    @Test
    void putAnswersTheStoredRowsInSnakeCase() {
        Reply reply = put("[" + item("cam", 2026, 11, 20, "cam/2026/11/20/manifest.mpd") + "]");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonNode row = reply.json().get(0);
        assertEquals(RECORDING_FIELDS, Reply.fieldNames(row));
        assertEquals("cam", row.get("stream").asText());
        assertEquals(2026, row.get("year").asInt());
        assertEquals(11, row.get("month").asInt());
        assertEquals(20, row.get("day").asInt());
        assertEquals("cam/2026/11/20/manifest.mpd", row.get("mpd_path").asText());
        assertEquals("2026-11-20T08:00:00.123Z", row.get("created_at").asText());
        assertEquals("2026-11-20T08:00:00.123Z", row.get("updated_at").asText());
        assertEquals(36, row.get("id").asText().length());
    }

    @Test
    void putAgainChangesPathAndUpdatedAtOnly() {
        JsonNode first = put("[" + item("cam", 2026, 11, 20, "a.mpd") + "]").json().get(0);
        app.clock.advance(Duration.ofSeconds(90));
        JsonNode second = put("[" + item("cam", 2026, 11, 20, "b.mpd") + "]").json().get(0);
        assertEquals(first.get("id"), second.get("id"));
        assertEquals(first.get("created_at"), second.get("created_at"));
        assertEquals("b.mpd", second.get("mpd_path").asText());
        assertEquals("2026-11-20T08:01:30.123Z", second.get("updated_at").asText());
        JsonNode listed = get("/api/playback/cam?page=0").json().get("items").get(0);
        assertEquals(second, listed);
    }

    @Test
    void emptyBatchIsFine() {
        Reply reply = put("[]");
        assertEquals(200, reply.status());
        assertEquals(0, reply.json().size());
    }

    @Test
    void listsRecordedStreamNames() {
        assertEquals("[]", get("/api/playback").body());
        putDays("zeta", 2026, 1, 1);
        putDays("alpha", 2026, 1, 1, 2);
        Reply reply = get("/api/playback");
        assertEquals(200, reply.status());
        assertEquals("[\"alpha\",\"zeta\"]", reply.body());
    }

    @Test
    void pageOfRecordingsNewestFirstWithInclusiveRange() {
        putDays("cam", 2026, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        putDays("other", 2026, 5, 5);
        Reply reply = get("/api/playback/cam?from=2026-05-03&to=2026-05-08&page=1&size=4");
        assertEquals(200, reply.status(), reply.body());
        JsonNode page = reply.json();
        assertEquals(Set.of("items", "total", "page", "size"), Reply.fieldNames(page));
        assertEquals(6, page.get("total").asInt());
        assertEquals(1, page.get("page").asInt());
        assertEquals(4, page.get("size").asInt());
        assertEquals(List.of(4, 3), days(page));
        assertEquals(RECORDING_FIELDS, Reply.fieldNames(page.get("items").get(0)));
        assertEquals(List.of(8, 7, 6, 5), days(get("/api/playback/cam?from=2026-05-03&to=2026-05-08&size=4").json()));
    }

    @Test
    void defaultsArePageZeroSizeTwenty() {
        int[] days = new int[25];
        for (int i = 0; i < days.length; i++) {
            days[i] = i + 1;
        }
        putDays("cam", 2026, 7, days);
        JsonNode page = get("/api/playback/cam?page=0").json();
        assertEquals(25, page.get("total").asInt());
        assertEquals(0, page.get("page").asInt());
        assertEquals(20, page.get("size").asInt());
        assertEquals(20, page.get("items").size());
        assertEquals(25, page.get("items").get(0).get("day").asInt());
        assertEquals(100, get("/api/playback/cam?size=100").json().get("size").asInt());
    }

    @Test
    void unknownStreamHasAnEmptyPage() {
        assertEquals("[]", get("/api/playback/nobody").body());
        Reply reply = get("/api/playback/nobody?page=0");
        assertEquals(200, reply.status(), reply.body());
        JsonNode page = reply.json();
        assertEquals(0, page.get("total").asInt());
        assertEquals(0, page.get("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2026-02-30", "from=x", "to=2026-13-01", "to=2026-1-5", "from=2026-01-02&to=2026-01-01",
            "size=101", "size=0", "size=-5", "size=x", "page=-1", "page=x", "page=1.5"})
    void badQueriesAre400(String query) {
        get("/api/playback/cam?" + query).assertError(400, "bad_request");
    }

    @Test
    void badQueryMessagesNameTheParameter() {
        assertTrue(get("/api/playback/cam?from=2026-02-30").message().startsWith("from "));
        assertTrue(get("/api/playback/cam?size=1000").message().startsWith("size "));
        assertTrue(get("/api/playback/cam?page=-1").message().startsWith("page "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a..b", "%2E%2E", "a%20b", "a%01b", "a%09b", "%E2%80%8B"})
    void badStreamNamesAre400(String stream) {
        get("/api/playback/" + stream).assertError(400, "bad_request");
    }

    @Test
    void tooLongStreamNameIs400() {
        get("/api/playback/" + "x".repeat(129)).assertError(400, "bad_request");
        assertEquals(200, get("/api/playback/" + "x".repeat(128)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"stream\":\"cam\",\"year\":2026,\"month\":13,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":2026,\"month\":2,\"day\":30,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":2026,\"month\":0,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":-1,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":2026,\"month\":1,\"day\":1}]",
            "[{\"stream\":\"cam\",\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":\"  \"}]",
            "[{\"stream\":\"a/b\",\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"a b\",\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"..\",\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":\"x\",\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[{\"stream\":\"cam\",\"year\":2026.5,\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]",
            "[null]",
            "[{",
            "{\"stream\":\"cam\"}",
            "\"text\"",
            "not json"})
    void badBodiesAre400(String body) {
        put(body).assertError(400, "bad_request");
    }

    @Test
    void badBodyMessagesSayWhereAndWhat() {
        assertEquals("recordings[0].year: expected an integer",
                put("[{\"stream\":\"cam\",\"year\":\"x\",\"month\":1,\"day\":1,\"mpd_path\":\"p\"}]").message());
        assertEquals("recordings[1].mpd_path: expected a string",
                put("[" + item("a", 2026, 1, 1, "p") + ",{\"stream\":\"cam\",\"year\":2026,\"month\":1,\"day\":1,\"mpd_path\":[]}]").message());
        assertEquals("recordings[0]: month must be between 1 and 12, got 13", put("[" + item("cam", 2026, 13, 1, "p") + "]").message());
        assertEquals("recordings[0]: day 29 does not exist in 2026-02", put("[" + item("cam", 2026, 2, 29, "p") + "]").message());
        assertEquals("recordings: expected an array", put("{\"stream\":\"cam\"}").message());
        assertEquals("recordings[0] is null", put("[null]").message());
        assertEquals("malformed JSON at line 1, column 3", put("[{").message());
        assertEquals("stream name must not contain '/' or '\\'", get("/api/playback/a%2Fb").message());
    }

    @Test
    void missingBodyIs400() {
        put("").assertError(400, "bad_request");
    }

    @Test
    void badItemIsNamedAndNothingIsWritten() {
        Reply reply = put("[" + item("ok", 2026, 1, 1, "p") + "," + item("cam", 2026, 2, 30, "p") + "]");
        reply.assertError(400, "bad_request");
        assertTrue(reply.message().startsWith("recordings[1]: "), reply.message());
        assertEquals("[]", get("/api/playback").body());
    }

    @Test
    void tooLongStreamInBodyIs400() {
        put("[" + item("x".repeat(129), 2026, 1, 1, "p") + "]").assertError(400, "bad_request");
    }

    @Test
    void frameworkErrorsUseTheSameShape() {
        get("/api/nothing-here").assertError(404, "not_found");
        Reply.send(app.client(), HttpRequest.DELETE("/api/playback")).assertError(405, "method_not_allowed");
        Reply.send(app.client(), HttpRequest.PUT("/api/recordings", "[]").contentType(MediaType.TEXT_PLAIN_TYPE))
                .assertError(415, "unsupported_media_type");
    }

    private static List<Integer> days(JsonNode page) {
        List<Integer> days = new ArrayList<>();
        page.get("items").forEach(item -> days.add(item.get("day").asInt()));
        return days;
    }

    @Test
    void aPlainGetIsLivemansArrayOfEveryRecordingNewestFirst() {
        int[] days = new int[28];
        for (int i = 0; i < days.length; i++) {
            days[i] = i + 1;
        }
        putDays("cam", 2026, 2, days);
        putDays("cam", 2025, 12, 31);
        putDays("other", 2026, 2, 3);
        Reply reply = get("/api/playback/cam");
        assertEquals(200, reply.status(), reply.body());
        LivemanShape.of("playback").check(reply.body());
        JsonNode rows = reply.json();
        assertEquals(29, rows.size(), "all of them, not a page of 20");
        assertEquals("2026/02/28", rows.get(0).get("record").asText());
        assertEquals("cam/28.mpd", rows.get(0).get("mpd_path").asText());
        assertEquals("2025/12/31", rows.get(28).get("record").asText());
        assertEquals(RECORDING_FIELDS, Reply.fieldNames(rows.get(0)), "ours beside Liveman's");
        assertEquals(List.of("2026/02/05", "2026/02/04"), records(get("/api/playback/cam?from=2026-02-04&to=2026-02-05").json()));
        LivemanShape.of("playback-streams").check(get("/api/playback").body());
    }

    @Test
    void moreThanAPageOfRowsComesWhole() {
        List<String> items = new ArrayList<>();
        for (java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 1); items.size() < 150; day = day.plusDays(1)) {
            items.add(item("cam", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), "cam/" + day + ".mpd"));
        }
        assertEquals(200, put("[" + String.join(",", items) + "]").status());
        JsonNode rows = get("/api/playback/cam").json();
        assertEquals(150, rows.size());
        assertEquals("2026/05/30", rows.get(0).get("record").asText());
        assertEquals("2026/01/01", rows.get(149).get("record").asText());
    }

    private static List<String> records(JsonNode rows) {
        List<String> records = new ArrayList<>();
        rows.forEach(row -> records.add(row.get("record").asText()));
        return records;
    }
}
