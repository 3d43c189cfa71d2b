package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The HTML report is well-formed, self-contained XHTML with summary, chart and alert list. */
class HtmlReportTest {

  /** The replay report in {@code format}, or the who-accessed page when null. */
  private static String render(ReportFormat format) {
    StringWriter html = new StringWriter();
    try (ReplayResult result = ReportFixtures.result()) {
      if (format == null) {
        AccessReportFormat.HTML.write(result, new PrintWriter(html));
      } else {
        format.write(result, new PrintWriter(html));
      }
    }
    return html.toString();
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static int count(Document doc, String xpath) throws Exception {
    return ((NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
        .getLength();
  }

  private static String text(Document doc, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
  }

  @Test
  void shouldBeWellFormedWithTitleSummaryChartAndAlertList() throws Exception {
    Document doc = parse(render(ReportFormat.HTML));

    assertThat(text(doc, "/html/head/title"))
        .isEqualTo("Access audit replay, 2026-03-01T00:00:00Z to 2026-03-04T00:00:00Z");
    assertThat(text(doc, "/html/body/p[1]"))
        .isEqualTo("Policy: default <2009>. Filters: visitor v-1.");
    assertThat(count(doc, "//table[@class='summary']/tbody/tr")).isEqualTo(3);
    assertThat(text(doc, "//table[@class='summary']/tbody/tr[1]/td[1]"))
        .isEqualTo("AGREEMENT_MISSING");
    assertThat(count(doc, "//svg/rect[@class='bar']")).isEqualTo(3);
    assertThat(text(doc, "//svg/rect[@class='bar'][1]/title")).isEqualTo("2026-03-01: 1 alerts");
    assertThat(count(doc, "//table[@class='alerts']/tbody/tr")).isEqualTo(2);
  }

  @Test
  void shouldEscapeContentAndLoadNothingFromOutside() throws Exception {
    String html = render(ReportFormat.HTML);
    Document doc = parse(html);

    assertThat(text(doc, "//table[@class='alerts']/tbody/tr[1]/td[8]"))
        .isEqualTo("No agreement <script>alert(1)</script> & co.");
    assertThat(count(doc, "//script | //link | //img | //iframe | //*[@src] | //*[@href]"))
        .isEqualTo(0);
    assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
  }

  @Test
  void shouldWriteTheWhoAccessedPageAsWellFormedXhtml() throws Exception {
    Document doc = parse(render(null));

    assertThat(text(doc, "/html/head/title")).isEqualTo("Accesses to the data of visitor v-1");
    assertThat(count(doc, "//table/tbody/tr")).isEqualTo(3);
    assertThat(text(doc, "//table/tbody/tr[1]/td[10]")).isEqualTo("AGREEMENT_MISSING");
    assertThat(text(doc, "//table/tbody/tr[2]/td[10]")).isEqualTo("-");
  }
}
