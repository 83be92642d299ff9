"""Demo content of the toolbox: the toolbox page, a folder per region and a dozen resources.

Every file is generated here (a hand-built PDF, a CSV, a PNG drawn with Pillow): no downloads. The
guides, templates and reports are invented, so each says so: "(exempel)"/"(example)" after its title, a note
first in its description and in the file. The links to funding bodies are real. There is no film: the
old demo's film had a made-up address. Safe to run again: pages are found by their Swedish slug (pages
no editor has saved are brought up to date), documents by their title.
"""

import csv
import datetime
import io

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from focus_industry.demo.loader import tr
from focus_industry.editors.file_permissions import region_internal_collection, shared_collection

from .models import Kind, ResourcePage, ToolboxPage, ToolboxRegionPage, internal_collection

# --- Files ------------------------------------------------------------------------------------


def _pdf_text(value):
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")


def make_pdf(title, lines):
    """A small, valid one-page PDF (A4, Helvetica, WinAnsi so Swedish letters work), built by hand."""
    stream = io.BytesIO()
    stream.write(b"BT /F1 20 Tf 60 780 Td (" + _pdf_text(title) + b") Tj ET\n")
    y = 740
    for line in lines:
        stream.write(b"BT /F1 12 Tf 60 " + str(y).encode() + b" Td (" + _pdf_text(line) + b") Tj ET\n")
        y -= 20
    content = stream.getvalue()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_csv(rows):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def make_png(lines, width=1200, height=675):
    image = PILImage.new("RGB", (width, height), (238, 243, 247))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 120], fill=(11, 61, 92))
    draw.pieslice([120, 200, 520, 600], start=-90, end=252, fill=(11, 61, 92))
    draw.pieslice([120, 200, 520, 600], start=252, end=270, fill=(181, 71, 8))
    for index, line in enumerate(lines):
        draw.text((600, 260 + index * 40), line, fill=(27, 36, 48))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def document(title, filename, data, collection):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    doc = Document(title=title, collection=collection)
    doc.file.save(filename, ContentFile(data), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


# --- Content ----------------------------------------------------------------------------------

TOOLBOX = {
    "title": ("Verktygslåda", "Toolbox"),
    "intro": (
        "Guider, mallar, rapporter, filmer och finansieringsmöjligheter för företag och främjare som "
        "arbetar med industrins omställning i Dalarna, Gävleborg och Värmland.",
        "Guides, templates, reports, films and funding opportunities for companies and business promoters "
        "working on the transformation of industry in Dalarna, Gävleborg and Värmland.",
    ),
}

FOLDER_INTRO = (
    "Resurser som tagits fram i {name}.",
    "Resources produced in {name}.",
)

# Resources earlier versions of the demo had and that are gone: a film with a made-up address.
RETIRED = [("varmland", "film-testarena-reservdelar")]

EXAMPLE_NOTE = (
    "Ett påhittat exempel i demoinnehållet, inte ett riktigt dokument. ",
    "An invented example in the demo content, not a real document. ",
)

# (slug_sv, slug_en, folder region or None, title, description, kind, language, audience, regions, areas, date, target)
RESOURCES = [
    (
        "kom-igang-med-tjanstedesign",
        "getting-started-with-service-design",
        "dalarna",
        ("Kom igång med tjänstedesign i tillverkande företag", "Getting started with service design in manufacturing"),
        (
            "En kort guide för små och medelstora industriföretag som vill utveckla tjänster kring sina produkter: "
            "från kundintervjuer till en första prototyp.",
            "A short guide for small and medium-sized manufacturers that want to build services around their "
            "products: from customer interviews to a first prototype.",
        ),
        Kind.GUIDE,
        "sv",
        ("companies", "promoters"),
        [],
        ["innovation"],
        datetime.date(2025, 9, 15),
        ("pdf", "Guide tjänstedesign", "guide-tjanstedesign.pdf"),
    ),
    (
        "mall-kompetensbehovsanalys",
        "template-skills-needs-analysis",
        "gavleborg",
        ("Mall: analys av kompetensbehov", "Template: skills needs analysis"),
        (
            "Ett kalkylblad för att kartlägga vilka kompetenser företaget behöver de närmaste tre åren och hur "
            "behoven kan mötas med utbildning eller rekrytering.",
            "A spreadsheet for mapping the skills a company needs over the next three years and how to meet "
            "those needs through training or recruitment.",
        ),
        Kind.TEMPLATE,
        "both",
        ("companies",),
        [],
        ["skills"],
        datetime.date(2025, 8, 28),
        ("csv", "Mall kompetensbehovsanalys", "kompetensbehovsanalys.csv"),
    ),
    (
        "lagesrapport-industrins-omstallning-2025",
        "status-report-industrial-transformation-2025",
        None,
        (
            "Lägesrapport: industrins omställning i Norra Mellansverige 2025",
            "Status report: industrial transformation in North-Middle Sweden 2025",
        ),
        (
            "Hur går omställningen? Rapporten samlar indikatorer för innovation, kompetensförsörjning, "
            "internationalisering och klimatomställning i de tre regionerna.",
            "How is the transformation going? The report gathers indicators for innovation, skills supply, "
            "internationalisation and the climate transition in the three regions.",
        ),
        Kind.REPORT,
        "sv",
        ("companies", "promoters"),
        ["dalarna", "gavleborg", "varmland"],
        ["research", "low-carbon"],
        datetime.date(2025, 10, 2),
        ("pdf", "Lägesrapport 2025", "lagesrapport-2025.pdf"),
    ),
    (
        "vinnova-utlysningar",
        "vinnova-calls",
        None,
        ("Vinnova: utlysningar för innovationsprojekt", "Vinnova: calls for innovation projects"),
        (
            "Vinnovas aktuella utlysningar, bland annat för små och medelstora företag som vill utveckla "
            "innovationer tillsammans med forskare.",
            "Vinnova's open calls, among them calls for small and medium-sized firms developing innovations "
            "together with researchers.",
        ),
        Kind.FUNDING,
        "both",
        ("companies", "promoters"),
        ["dalarna", "gavleborg", "varmland"],
        ["innovation", "research"],
        datetime.date(2025, 9, 1),
        ("link", "https://www.vinnova.se/sok-finansiering/"),
    ),
    (
        "tillvaxtverket-stod-till-foretag",
        "tillvaxtverket-support-for-businesses",
        None,
        ("Tillväxtverket: stöd till små och medelstora företag", "Tillväxtverket: support for small businesses"),
        (
            "Tillväxtverkets finansiering och stöd för företag som vill växa, ställa om eller nå nya marknader.",
            "Funding and support from the Swedish Agency for Economic and Regional Growth for firms that want to "
            "grow, transform or reach new markets.",
        ),
        Kind.FUNDING,
        "sv",
        ("companies", "promoters"),
        ["dalarna", "gavleborg", "varmland"],
        ["internationalisation", "low-carbon"],
        datetime.date(2025, 7, 3),
        ("link", "https://tillvaxtverket.se/"),
    ),
    (
        "checklista-export",
        "export-checklist",
        "varmland",
        ("Checklista för export till nya marknader", "Checklist for exporting to new markets"),
        (
            "Tolv frågor att besvara innan företaget tar steget till en ny exportmarknad: kunder, regler, "
            "partner och finansiering.",
            "Twelve questions to answer before a company enters a new export market: customers, rules, partners "
            "and funding.",
        ),
        Kind.GUIDE,
        "en",
        ("companies",),
        [],
        ["internationalisation"],
        datetime.date(2025, 5, 20),
        ("pdf", "Checklista export", "export-checklist.pdf"),
    ),
    (
        "infografik-sma-och-medelstora-foretag",
        "infographic-small-and-medium-sized-firms",
        None,
        (
            "Infografik: 95 procent av företagen är små eller medelstora",
            "Infographic: 95 per cent of firms are small or medium-sized",
        ),
        (
            "En bild att använda i presentationer: i Norra Mellansverige har 95 procent av företagen högst 250 "
            "anställda och 85 procent färre än 50.",
            "An image for presentations: in North-Middle Sweden 95 per cent of companies have 250 employees or "
            "fewer, and 85 per cent fewer than 50.",
        ),
        Kind.OTHER,
        "both",
        ("promoters",),
        ["dalarna", "gavleborg", "varmland"],
        ["innovation"],
        datetime.date(2025, 4, 8),
        ("png", "Infografik små och medelstora företag", "infografik-smf.png"),
    ),
    (
        "mall-handlingsplan-cirkulara-floden",
        "template-circular-flows-action-plan",
        "dalarna",
        ("Mall: handlingsplan för cirkulära flöden", "Template: action plan for circular flows"),
        (
            "Mallen hjälper ett företag att kartlägga restflöden, hitta köpare och sätta mål för minskad "
            "klimatpåverkan.",
            "The template helps a company map its residual flows, find buyers and set targets for lower "
            "climate impact.",
        ),
        Kind.TEMPLATE,
        "sv",
        ("companies",),
        [],
        ["low-carbon"],
        datetime.date(2025, 3, 17),
        ("pdf", "Mall handlingsplan cirkulära flöden", "handlingsplan-cirkulara-floden.pdf"),
    ),
    (
        "kartlaggning-kritiska-komponenter",
        "mapping-critical-components",
        "gavleborg",
        ("Kartläggning av kritiska komponenter", "Mapping of critical components"),
        (
            "Resultat från en kartläggning av vilka komponenter regionens industri har svårast att få tag på, "
            "och förslag på gemensamma åtgärder.",
            "Results of a survey of the components the region's industry finds hardest to source, with "
            "proposals for joint action.",
        ),
        Kind.REPORT,
        "en",
        ("companies", "promoters"),
        [],
        ["supply-chains"],
        datetime.date(2025, 2, 24),
        ("pdf", "Kartläggning kritiska komponenter", "critical-components.pdf"),
    ),
    (
        "esf-kompetensutveckling",
        "esf-skills-development",
        None,
        ("Svenska ESF-rådet: medel för kompetensutveckling", "Swedish ESF Council: funding for skills development"),
        (
            "Europeiska socialfonden finansierar projekt som stärker de anställdas kompetens och matchningen på "
            "arbetsmarknaden.",
            "The European Social Fund finances projects that strengthen employees' skills and the matching on "
            "the labour market.",
        ),
        Kind.LINK,
        "sv",
        ("promoters",),
        ["dalarna", "gavleborg", "varmland"],
        ["skills"],
        datetime.date(2025, 1, 13),
        ("link", "https://www.esf.se/"),
    ),
    (
        "intern-arbetsplan-regionala-samordnare",
        "internal-work-plan-regional-coordinators",
        "dalarna",
        ("Internt: arbetsplan för regionala samordnare", "Internal: work plan for regional coordinators"),
        (
            "Arbetsplan, kontaktlista och mötesrytm för de regionala samordnarna. Endast för inloggad personal.",
            "Work plan, contact list and meeting rhythm for the regional coordinators. Logged-in staff only.",
        ),
        Kind.OTHER,
        "sv",
        ("staff",),
        [],
        ["supply-chains", "innovation"],
        datetime.date(2025, 10, 20),
        ("pdf", "Intern arbetsplan samordnare", "arbetsplan-samordnare.pdf"),
    ),
]


def _file_for(target, title, description, collection):
    kind, doc_title, filename = target
    if kind in ("pdf", "csv"):
        doc_title, filename = f"Exempel – {doc_title}", f"exempel-{filename}"
    if kind == "pdf":
        words = description[0].split()
        lines = [" ".join(words[i : i + 10]) for i in range(0, len(words), 10)]
        note = "EXEMPEL: påhittat demoinnehåll, inte ett riktigt dokument."
        data = make_pdf(title[0], [note, "", *lines, "", "Focus Industry - Dalarna, Gävleborg, Värmland"])
    elif kind == "csv":
        data = make_csv(
            [
                ["EXEMPEL: påhittat demoinnehåll"],
                ["Kompetens", "Behov idag (personer)", "Behov om tre år (personer)", "Åtgärd", "Ansvarig"],
                ["Svetsare", "2", "4", "Yrkesvux", ""],
                ["Underhållstekniker", "1", "3", "Rekrytering", ""],
                ["Automationsingenjör", "0", "2", "Uppdragsutbildning", ""],
                ["Inköpare", "1", "1", "", ""],
            ]
        )
    else:
        data = make_png(["95 % <= 250 employees", "85 % < 50 employees", "North-Middle Sweden"])
    return document(doc_title, filename, data, collection)


def load(context):
    home = context.home
    toolbox = context.page(
        home,
        ToolboxPage,
        "verktygslada",
        slug_en="toolbox",
        show_in_menus=True,
        **tr(title=TOOLBOX["title"], intro=TOOLBOX["intro"]),
    )
    regions = context.regions
    areas = context.areas
    folders = {}
    for slug, region in regions.items():
        folders[slug] = context.page(
            toolbox,
            ToolboxRegionPage,
            slug,
            slug_en=slug,
            region=region,
            title_sv=region.name_sv,
            title_en=region.name_en,
            intro_sv=FOLDER_INTRO[0].format(name=region.name_sv),
            intro_en=FOLDER_INTRO[1].format(name=region.name_en),
        )
    for (
        slug_sv,
        slug_en,
        folder,
        title,
        description,
        kind,
        language,
        audience,
        region_slugs,
        area_slugs,
        date,
        target,
    ) in RESOURCES:
        parent = folders[folder] if folder else toolbox
        if target[0] in ("pdf", "csv"):
            title = (f"{title[0]} (exempel)", f"{title[1]} (example)")
            description = (EXAMPLE_NOTE[0] + description[0], EXAMPLE_NOTE[1] + description[1])
        fields = {}
        if target[0] == "video":
            fields["video_url"] = target[1]
        elif target[0] == "link":
            fields["external_url"] = target[1]
        else:
            internal = audience == ("staff",)
            if internal and folder:
                collection = region_internal_collection(regions[folder])
            elif internal:
                collection = internal_collection()
            elif folder:
                collection = context.collection(regions[folder].name_sv)
            else:
                collection = shared_collection()
            fields["document"] = _file_for(target, title, description, collection)
        context.page(
            parent,
            ResourcePage,
            slug_sv,
            slug_en=slug_en,
            kind=kind,
            resource_language=language,
            for_companies="companies" in audience,
            for_promoters="promoters" in audience,
            for_staff="staff" in audience,
            date=date,
            # A resource in a region's folder is tagged with that region when saved: say so here too, or a
            # re-run would see a difference every time.
            regions=[regions[slug] for slug in dict.fromkeys([*region_slugs, *([folder] if folder else [])])],
            action_areas=[areas[slug] for slug in area_slugs],
            **tr(title=title, description=description),
            **fields,
        )
    for folder, slug_sv in RETIRED:
        context.retire(folders[folder], ResourcePage, slug_sv)
    if home.toolbox_page_id is None:
        home.toolbox_page = toolbox
        home.save_revision().publish()
