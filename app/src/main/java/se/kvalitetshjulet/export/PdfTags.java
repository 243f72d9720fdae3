package se.kvalitetshjulet.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A tagged PDF (issue 18, accessibility): the document's language and title, a structure tree in reading order
 * (headings H1–H3, paragraphs, tables with header and data cells, figures with a text alternative) whose elements
 * point at the marked content on the pages, decorations and page numbers as artifacts, and bookmarks for the
 * headings. Screen readers read the report in order and describe the charts; PDF/UA checkers find the structure.
 */
final class PdfTags {
    private final PDDocument doc;
    private final PDStructureTreeRoot root;
    private final PDStructureElement document;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDOutlineItem lastH1;
    /** Per page (its StructParents key): the structure element of each marked-content id, in id order. */
    private final Map<Integer, List<PDStructureElement>> parents = new LinkedHashMap<>();
    private final Map<PDPage, Integer> keys = new HashMap<>();

    PdfTags(PDDocument doc, String language, String title) {
        this.doc = doc;
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage(language);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        doc.getDocumentInformation().setTitle(title);
        root = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(root);
        document = new PDStructureElement("Document", root);
        document.setLanguage(language);
        root.appendKid(document);
    }

    /** The document element: the parent of the top-level elements. */
    PDStructureElement document() {
        return document;
    }

    /** A new element of {@code type} ("H1", "P", "Table", "TR", "TH", "TD", "Figure" …) under {@code parent}. */
    PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement e = new PDStructureElement(type, parent);
        parent.appendKid(e);
        return e;
    }

    /** Begins the marked content of {@code element} on {@code page}; end it with {@link #end}. */
    void begin(PDPageContentStream cs, PDPage page, PDStructureElement element) throws IOException {
        int key = keys.computeIfAbsent(page, p -> {
            int k = keys.size();
            p.setStructParents(k);
            parents.put(k, new ArrayList<>());
            return k;
        });
        List<PDStructureElement> onPage = parents.get(key);
        int mcid = onPage.size();
        onPage.add(element);
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        COSName tag = COSName.getPDFName(element.getStructureType());
        cs.beginMarkedContent(tag, PDPropertyList.create(props));
        if (element.getPage() == null) {
            element.setPage(page);
        }
        if (element.getPage().getCOSObject() == page.getCOSObject()) {
            element.appendKid(new PDMarkedContent(tag, props));
        } else {
            // The element began on an earlier page (a paragraph or table that runs over a page break).
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setMCID(mcid);
            ref.setPage(page);
            element.appendKid(ref);
        }
    }

    void end(PDPageContentStream cs) throws IOException {
        cs.endMarkedContent();
    }

    /** Begins content that is decoration only (rules, cell backgrounds, page numbers): not read aloud. */
    static void beginArtifact(PDPageContentStream cs) throws IOException {
        cs.beginMarkedContent(COSName.ARTIFACT);
    }

    /** A bookmark for a heading: level 1 at the top, level 2 under the last level 1. */
    void bookmark(String title, int level, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(page);
        if (level <= 1 || lastH1 == null) {
            outline.addLast(item);
            lastH1 = item;
        } else if (level == 2) {
            lastH1.addLast(item);
        }
    }

    /** Writes the parent tree (marked content → element) and the bookmarks; call once, after the last page. */
    void finish() throws IOException {
        Map<Integer, COSObjectable> numbers = new LinkedHashMap<>();
        parents.forEach((key, elements) -> {
            COSArray array = new COSArray();
            for (PDStructureElement e : elements) {
                array.add(e);
            }
            numbers.put(key, array);
        });
        PDNumberTreeNode tree = new PDNumberTreeNode(COSArray.class);
        tree.setNumbers(numbers);
        root.setParentTree(tree);
        root.setParentTreeNextKey(keys.size());
        if (outline.hasChildren()) {
            doc.getDocumentCatalog().setDocumentOutline(outline);
        }
    }
}
