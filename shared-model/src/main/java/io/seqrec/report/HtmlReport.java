package io.seqrec.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * One self-contained HTML page: the page template, its script and style, the uPlot
 * charting library (from its webjar) and the report's data as JSON, all inlined, so the
 * file opens offline and can be mailed or archived as it is.
 */
public final class HtmlReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

	private static final String WEBJAR = "META-INF/resources/webjars/uplot/";

	private HtmlReport() {
	}

	/**
	 * Renders a page.
	 * @param title the page title
	 * @param data the report data the page script draws ({@code kind}: {@code tune} or
	 * {@code run})
	 * @return the HTML
	 */
	public static String render(String title, Map<String, ?> data) {
		String dist = WEBJAR + uplotVersion() + "/dist/";
		Map<String, String> slots = Map.of("title", escape(title), "uplotCss", resource(dist + "uPlot.min.css"),
				"style", resource("io/seqrec/report/report.css"), "uplotJs", resource(dist + "uPlot.iife.min.js"),
				"script", resource("io/seqrec/report/report.js"), "data",
				// inside <script>, '<' must not start a tag: JSON allows \u003c anywhere
				JSON.writeValueAsString(data).replace("<", "\\u003c"));
		Matcher matcher = SLOT.matcher(resource("io/seqrec/report/report.html"));
		StringBuilder page = new StringBuilder();
		while (matcher.find()) {
			String value = slots.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("report template has an unknown slot " + matcher.group());
			}
			matcher.appendReplacement(page, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(page);
		return page.toString();
	}

	/**
	 * Writes a page to a file, creating its directory.
	 * @param file the file
	 * @param html the page
	 * @throws IllegalArgumentException if it cannot be written there
	 */
	public static void write(Path file, String html) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, html);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String uplotVersion() {
		Properties properties = new Properties();
		try (InputStream in = open("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("version");
	}

	private static String resource(String name) {
		try (InputStream in = open(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + name, ex);
		}
	}

	private static InputStream open(String name) {
		InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is missing from the class path");
		}
		return in;
	}

}
