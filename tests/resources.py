"""Named sample texts with hand-checked expectations, shared by the tests.

Each cleaning sample is (raw text, {block text prefix: expected zone}). The samples are
written in the style of outlets other than the seeds' own articles, so the rules are tested
as kinds of text, not as five particular files.
"""

# ---------------------------------------------------------------- cleaning: set aside
WSJ_STYLE = """This copy is for your personal, non-commercial use only. Distribution and use of this material are governed by our Subscriber Agreement and by copyright law.

<https://www.wsj.com/economy/trade/tariffs-rise-again-1a2b3c>

◆ WSJ NEWS EXCLUSIVE | ECONOMY

Tariff Talks Stall as Deadline Nears

Officials on both sides say a deal is unlikely before the summer

By [Jane Roe](#) [Follow](#) and [Rahul Gupta](#) [Follow](#)

Updated March 3, 2024 9:15 am ET

Trade negotiators ended a third round of talks without agreement. PHOTO: JOHN DOE/REUTERS

Negotiators from Washington and Brussels ended three days of talks on Friday without a deal.

The sides will meet again next month, officials said.

—Li Wei contributed to this article.

Write to Jane Roe at jane.roe@wsj.com and Rahul Gupta at rahul.gupta@wsj.com

Appeared in the March 4, 2024, print edition as 'Trade Talks Stall'.
"""
WSJ_STYLE_ZONES = {
    "This copy is for": "boilerplate",
    "<https://www": "boilerplate",
    "◆ WSJ NEWS": "boilerplate",
    "Tariff Talks Stall": "headline",
    "Officials on both sides": "dek",
    "By Jane Roe": "byline",
    "Updated March 3": "byline",
    "Trade negotiators ended": "caption",
    "Negotiators from Washington": "body",
    "The sides will meet": "body",
    "—Li Wei contributed": "boilerplate",
    "Write to Jane Roe": "boilerplate",
    "Appeared in the March": "boilerplate",
}

NYT_STYLE = """# *Drought Tests a River Treaty*

Two countries that share the river are arguing over who should cut back first.

**By Ana Lima and Tom Berg**

Reporting from Lisbon

May 2, 2024 Updated 6:00 p.m. ET

The river has fallen to its lowest level in a century, and farmers on both banks are

worried about the harvest.



Fishermen pull a boat across the dry riverbed near the border. Photo by Ana Lima

Ministers will meet in Madrid next week.

Tom Berg contributed reporting.

**Ana Lima** is a correspondent based in Lisbon. She covers Spain and Portugal. More about Ana Lima

A version of this article appears in print on , Section A, Page 6 of the New York edition with the headline: River Treaty Strained
"""
NYT_STYLE_ZONES = {
    "Drought Tests a River": "headline",
    "Two countries that share": "dek",
    "By Ana Lima": "byline",
    "Reporting from Lisbon": "byline",
    "May 2, 2024": "byline",
    "The river has fallen": "body",
    "Fishermen pull a boat": "caption",
    "Ministers will meet": "body",
    "Tom Berg contributed": "boilerplate",
    "Ana Lima is a correspondent": "boilerplate",
    "A version of this article": "boilerplate",
}
# The broken paragraph is rejoined, across the blank lines and with the caption skipped.
NYT_STYLE_REJOINED = ("The river has fallen to its lowest level in a century, and farmers on both "
                      "banks are worried about the harvest.")

SCRAPED_STAMP = """ date 2024-06-01 The two leaders at a summit last year (pictured)

Leaders of the two countries will meet next week, officials said.
"""
SCRAPED_STAMP_ZONES = {
    "date 2024-06-01": "boilerplate",
    "The two leaders at a summit": "caption",
    "Leaders of the two countries": "body",
}

RELATED_LIST = """Editor's Note: This analysis was updated after the summit.

The summit ended with a joint statement on climate cooperation.

Neither side gave ground on export controls.

Related Publications

Five Things to Watch at the Next Summit

Monday, January 6, 2025

A preview of the issues on the table.

Type: Analysis
"""
RELATED_LIST_ZONES = {
    "Editor's Note": "boilerplate",
    "The summit ended": "body",
    "Neither side gave": "body",
    "Related Publications": "boilerplate",
    "Five Things to Watch": "boilerplate",
    "Monday, January 6": "boilerplate",
    "A preview of the issues": "boilerplate",
    "Type: Analysis": "boilerplate",
}

CREDIT_THEN_CAPTION = """Ministers Meet Again on Grain Deal

Maria Perez/Pool via REUTERS
Ministers arrive for talks at the foreign ministry in Ankara on March 2, 2024.

Ministers from four countries met on Tuesday to revive a grain export deal.

Talks will continue on Wednesday, a spokesman said.
"""
CREDIT_THEN_CAPTION_ZONES = {
    "Ministers Meet Again": "headline",
    "Maria Perez/Pool": "caption",
    "Ministers arrive for talks": "caption",
    "Ministers from four countries": "body",
    "Talks will continue": "body",
}

# ---------------------------------------------------------------- cleaning: must be kept
KEEP_BY_SENTENCE = """Talks Resume

By the end of the year, both governments hope to have a deal, officials said.

By most accounts, the talks went well.
"""
KEEP_PHOTO_SENTENCE = """Talks Resume

The photo of the two leaders shaking hands was shared widely online.

Officials said a photo opportunity was planned for Friday.
"""
KEEP_BODY_CAPITALISED_SHORT = """Talks Resume

Officials met in Geneva on Monday.

China Says No.

That was the message from Beijing.
"""

# ---------------------------------------------------------------- sentence splitting
SENTENCES = {
    "abbreviations": (
        "Mr. Xi met U.S. officials on Sept. 28 in Washington. He left.",
        ["Mr. Xi met U.S. officials on Sept. 28 in Washington.", "He left."],
    ),
    "middle initials and C.I.A.": (
        "Treasury Secretary Janet L. Yellen flew in. The C.I.A. director, William J. Burns, did too.",
        ["Treasury Secretary Janet L. Yellen flew in.",
         "The C.I.A. director, William J. Burns, did too."],
    ),
    "acronym ends a sentence": (
        "He wants to visit the U.S. He would be the first.",
        ["He wants to visit the U.S.", "He would be the first."],
    ),
    "quote spans a sentence break with attribution": (
        "“We are for de-risking,” he said, “not decoupling with China.” Then he left.",
        ["“We are for de-risking,” he said, “not decoupling with China.”", "Then he left."],
    ),
    "closing quote stays with its sentence": (
        "He said the talks were “very good.” Officials agreed.",
        ["He said the talks were “very good.”", "Officials agreed."],
    ),
    "question and exclamation": (
        "Will they meet? Yes! They will.",
        ["Will they meet?", "Yes!", "They will."],
    ),
    "state abbreviation": (
        "Rep. Nancy Pelosi (D-Calif.) visited Taiwan. Beijing objected.",
        ["Rep. Nancy Pelosi (D-Calif.) visited Taiwan.", "Beijing objected."],
    ),
}

# ---------------------------------------------------------------- mentions
# A small registry for the rule tests: (text, published, [(surface, actor, kind), ...]).
# An actor of "" means a mention shown as unresolved.
MENTION_REGISTRY = """
[[actors]]
name = "Joe Biden"
type = "person"
affiliation = "United States"
short = ["Biden"]
roles = [{ text = "president", from = "2021-01-20", to = "2025-01-20" }]

[[actors]]
name = "Xi Jinping"
type = "person"
affiliation = "China"
short = ["Xi"]
roles = [{ text = "Chinese leader", unambiguous = true }, { text = "president", from = "2013-03-14" }]

[[actors]]
name = "He Lifeng"
type = "person"
affiliation = "China"
short = ["He"]

[[actors]]
name = "Janet Yellen"
type = "person"
affiliation = "United States"
short = ["Yellen"]

[[actors]]
name = "Li Qiang"
type = "person"
affiliation = "China"
short = ["Li"]

[[actors]]
name = "Li Shangfu"
type = "person"
affiliation = "China"
short = ["Li"]

[[actors]]
name = "William Burns"
type = "person"
affiliation = "United States"
short = ["Burns"]

[[actors]]
name = "Nicholas Burns"
type = "person"
affiliation = "United States"
aliases = ["R. Nicholas Burns"]
short = ["Burns"]

[[actors]]
name = "Qin Gang"
type = "person"
affiliation = "China"
short = ["Qin"]
roles = [{ text = "foreign minister", from = "2022-12-30", to = "2023-07-25" }]

[[actors]]
name = "Wang Yi"
type = "person"
affiliation = "China"
short = ["Wang"]
roles = [{ text = "foreign minister", from = "2023-07-25" }]

[[actors]]
name = "Pavlo Klimkin"
type = "person"
affiliation = "Ukraine"
short = ["Klimkin"]

[[actors]]
name = "United States"
type = "country"
aliases = ["U.S.", "America"]
demonyms = ["American"]
metonyms = ["Washington"]
exclude = ["Latin America"]

[[actors]]
name = "China"
type = "country"
demonyms = ["Chinese"]
metonyms = ["Beijing"]
exclude = ["South China Sea"]

[[actors]]
name = "Taiwan"
type = "country"
"""

MENTION_CASES = {
    "word boundary: Xi never inside a word": (
        "Xi met Xiaomi executives in Xinjiang.", "2023-06-01", [("Xi", "Xi Jinping", "name")]),
    "Bidenomics is not Biden": (
        "Bidenomics was the slogan, and Biden repeated it.", "2023-06-01",
        [("Biden", "Joe Biden", "name")]),
    "possessives with straight and curly apostrophes": (
        "Xi's aides and Biden’s aides met.", "2023-06-01",
        [("Xi", "Xi Jinping", "name"), ("Biden", "Joe Biden", "name")]),
    "compounds count for both": (
        "The Xi-Biden summit improved U.S.-China ties.", "2023-06-01",
        [("Xi", "Xi Jinping", "name"), ("Biden", "Joe Biden", "name"),
         ("U.S.", "United States", "name"), ("China", "China", "name")]),
    "longest match, one span: President Joe Biden": (
        "President Joe Biden spoke.", "2023-06-01", [("Joe Biden", "Joe Biden", "name")]),
    "middle initial in a full name": (
        "Treasury Secretary Janet L. Yellen arrived.", "2023-06-01",
        [("Janet L. Yellen", "Janet Yellen", "name")]),
    "ambiguous surname resolves to the person the article introduced": (
        "Premier Li Qiang spoke first. Li said the economy was sound.", "2023-06-01",
        [("Li Qiang", "Li Qiang", "name"), ("Li", "Li Qiang", "name")]),
    "ambiguous surname: most recently introduced wins": (
        "Li Qiang met Gen. Li Shangfu. Later Mr. Li left.", "2023-06-01",
        [("Li Qiang", "Li Qiang", "name"), ("Li Shangfu", "Li Shangfu", "name"),
         ("Li", "Li Shangfu", "name")]),
    "ambiguous surname with nobody introduced stays unresolved": (
        "Burns said the talks went well.", "2023-06-01", [("Burns", "", "name")]),
    "He at the start of a sentence is a pronoun": (
        "He Lifeng arrived. He said little.", "2023-06-01", [("He Lifeng", "He Lifeng", "name")]),
    "He after the full name, mid-sentence, is He Lifeng": (
        "He Lifeng arrived. Officials briefed Yellen and He on Monday.", "2023-06-01",
        [("He Lifeng", "He Lifeng", "name"), ("Yellen", "Janet Yellen", "name"),
         ("He", "He Lifeng", "name")]),
    "He mid-sentence without the full name is not counted": (
        "Yellen and He met.", "2023-06-01", [("Yellen", "Janet Yellen", "name")]),
    "role valid on the date and named in the article": (
        "Wang Yi spoke. Later the foreign minister left.", "2023-09-28",
        [("Wang Yi", "Wang Yi", "name"), ("the foreign minister", "Wang Yi", "role")]),
    "role changes hands over time": (
        "Qin Gang spoke. Later the foreign minister left.", "2023-03-01",
        [("Qin Gang", "Qin Gang", "name"), ("the foreign minister", "Qin Gang", "role")]),
    "role with nobody who fits named stays unresolved": (
        "The foreign minister left.", "2023-09-28", [("The foreign minister", "", "role")]),
    "unambiguous role resolves without the name": (
        "The Chinese leader left.", "2023-09-28", [("The Chinese leader", "Xi Jinping", "role")]),
    "demonym narrows a shared role": (
        "Biden and Xi met. Later the Chinese president left.", "2023-09-28",
        [("Biden", "Joe Biden", "name"), ("Xi", "Xi Jinping", "name"),
         ("the Chinese president", "Xi Jinping", "role")]),
    "shared role with two fitting people named stays unresolved": (
        "Biden and Xi met. Later the president left.", "2023-09-28",
        [("Biden", "Joe Biden", "name"), ("Xi", "Xi Jinping", "name"),
         ("the president", "", "role")]),
    "a title before a name is not a second mention": (
        "Foreign Minister Wang Yi spoke.", "2023-09-28", [("Wang Yi", "Wang Yi", "name")]),
    "a role in apposition is not a second mention": (
        "Wang Yi spoke. Wang, the foreign minister, left.", "2023-09-28",
        [("Wang Yi", "Wang Yi", "name"), ("Wang", "Wang Yi", "name")]),
    "another country's title is not our role": (
        "Former Ukrainian Foreign Minister Pavlo Klimkin spoke.", "2023-11-15",
        [("Pavlo Klimkin", "Pavlo Klimkin", "name")]),
    "indefinite role is not a reference": (
        "Wang Yi met a foreign minister.", "2023-09-28", [("Wang Yi", "Wang Yi", "name")]),
    "capital acting counts as metonym": (
        "Beijing is seeking a summit, and Washington and its allies agree.", "2023-09-28",
        [("Beijing", "China", "metonym"), ("Washington", "United States", "metonym")]),
    "capital as a place does not count": (
        "Yellen flew to Beijing; officials in Washington waited.", "2023-09-28",
        [("Yellen", "Janet Yellen", "name")]),
    "capital in a longer name does not count": (
        "The Washington Post reported on Washington visits.", "2023-09-28", []),
    "according to the capital: it acts": (
        "Citizens are held, according to Washington.", "2023-09-28",
        [("Washington", "United States", "metonym")]),
    "multiword names that contain a country": (
        "Ships in the South China Sea and the Taiwan Strait sailed to Latin America.",
        "2023-09-28", []),
}

# ---------------------------------------------------------------- tone toward a target
# (sentence, target, expected polarity toward it): unambiguous to a human reader.
TARGET_POLARITY = [
    ("Biden praised the landmark agreement.", "Biden", "positive"),
    ("Yellen arrived in Beijing on Monday.", "Yellen", "neutral"),
    ("Critics said Xi was not helpful at all.", "Xi", "negative"),
    ("Xi praised the talks, but Biden attacked the tariffs as a disaster.", "Xi", "positive"),
    ("Xi praised the talks, but Biden attacked the tariffs as a disaster.", "Biden", "negative"),
    ("Blinken is a terrible negotiator, while Wang is a wonderful host.", "Blinken", "negative"),
    ("Blinken is a terrible negotiator, while Wang is a wonderful host.", "Wang", "positive"),
    ("The minister did not welcome Kerry warmly.", "Kerry", "negative"),
]

# ---------------------------------------------------------------- quotations
# text -> [(start of quote, speaker, kind)]; speaker "" means none; registry: MENTION_REGISTRY.
QUOTE_CASES = {
    "said after, name": (
        "“We will meet soon,” said Joe Biden.", [("We will meet", "Joe Biden", "direct")]),
    "name said after": (
        "“We will meet soon,” Biden said on Monday.", [("We will meet", "Joe Biden", "direct")]),
    "said before with colon": (
        "Xi Jinping said: “The door is open.”", [("The door is open", "Xi Jinping", "direct")]),
    "broken quote": (
        "“We are for de-risking,” Biden said, “not decoupling.”",
        [("We are for de-risking", "Joe Biden", "direct"), ("not decoupling", "Joe Biden", "direct")]),
    "pronoun resolves to the last speaker": (
        "Biden spoke at length. “It went well,” he said.", [("It went well", "Joe Biden", "direct")]),
    "reported speech makes the next he": (
        "Yellen met Xi. Li Qiang said the talks were useful.\n\n“They were frank,” he added.",
        [("They were frank", "Li Qiang", "direct")]),
    "anonymous source, then the official": (
        "“It is firm,” said one administration official. “We are planning,” the official said.",
        [("It is firm", "one administration official", "direct"),
         ("We are planning", "one administration official", "direct")]),
    "partial quote inside the reporter's sentence": (
        "Xi accused Washington of “containment and suppression” of China.",
        [("containment and suppression", "Xi Jinping", "partial")]),
    "scare quotes are a term, not a quote": (
        "Officials hope to build a “floor” under relations.", [("floor", "", "term")]),
    "so-called is a term": (
        "They arrested the so-called “white paper protesters” last year.",
        [("white paper protesters", "", "term")]),
    "relayed through another outlet": (
        "“Nothing is off the table,” Reuters quoted a senior U.S. official as saying.",
        [("Nothing is off the table", "a senior U.S. official", "direct")]),
    "paragraph-long quote continues the speaker": (
        "“For Russia this is a noose,” Klimkin said.\n\n“They want China for themselves. "
        "They will not get it.”",
        [("For Russia", "Pavlo Klimkin", "direct"), ("They want China", "Pavlo Klimkin", "continued")]),
    "an open quotation with nobody said before": (
        "“We will not move on this question at all\n\n“And we will say so again tomorrow.”",
        [("We will not move", "", "direct"), ("And we will say", "", "direct")]),
    "according to": (
        "The talks will resume, according to people briefed on the matter.",
        [("people briefed on the matter", "people briefed on the matter", "according")]),
}

# Quotations in a corpus with no registry (a new user's): the speaker is read from the text.
# text -> [(start of quote, speaker, kind, source type)]; source type person / organization /
# anonymous, "" for none. The texts are invented, in the shapes of news prose.
QUOTE_CASES_NO_REGISTRY = {
    "long appositive with commas after the name": (
        "“The data surprised us,” Ines Varga, a researcher at the Delft Institute in Leiden, "
        "the Netherlands, and co-author of the study, said in a statement.",
        [("The data surprised us", "Ines Varga", "direct", "person")]),
    "description before the name after the quote": (
        "“We found the signal twice,” lead author and ocean chemist Rafael Ortiz said on Monday.",
        [("We found the signal twice", "Rafael Ortiz", "direct", "person")]),
    "age before the name after the verb": (
        "“I could not climb the stairs,” wrote 52-year-old Dana Pell of Leeds in a letter.",
        [("I could not climb the stairs", "Dana Pell", "direct", "person")]),
    "a question then its asker with an adverb and a phrase": (
        "“Can I give my place to her?” Mina Haro quietly asked before the vote.",
        [("Can I give my place to her?", "Mina Haro", "direct", "person")]),
    "a quotation without a comma, then its speaker and a time": (
        "“The count is not over” Tomas Reyes said on Sunday.",
        [("The count is not over", "Tomas Reyes", "direct", "person")]),
    "a second quotation after the attribution goes on with the speaker": (
        "“We won tonight,” Ana Ruiz said after the count. “And we will govern for everyone.”",
        [("We won tonight", "Ana Ruiz", "direct", "person"),
         ("And we will govern for everyone", "Ana Ruiz", "direct", "person")]),
    "a title before a name: the person, not the office": (
        "“Justice was served,” said U.S. Attorney Clara Wendt.",
        [("Justice was served", "Clara Wendt", "direct", "person")]),
    "the statement speaks for whoever issued it": (
        "The port authority said in a statement on Friday that the berth would reopen.\n\n"
        "“Repairs are complete,” the statement said.",
        [("Repairs are complete", "the port authority", "direct", "organization")]),
    "an age for the person the story is about": (
        "Marco Deli was named coach of the club on Tuesday.\n\n"
        "The 61-year-old said: “I am proud to be here.”",
        [("I am proud to be here", "Marco Deli", "direct", "person")]),
    "the victim's mother is not the person named before": (
        "Paul Ember was sentenced on Monday.\n\n“She is safe now,” the victim's mother said.",
        [("She is safe now", "the victim's mother", "direct", "anonymous")]),
    "she after a paragraph that opens on her": (
        "“The plan is sound,” Omar Beck said.\n\nLina Sorel, who chairs the panel, was less sure.\n\n"
        "“We need more time,” she said.",
        [("The plan is sound", "Omar Beck", "direct", "person"),
         ("We need more time", "Lina Sorel", "direct", "person")]),
    "an inverted verb that is a noun elsewhere": (
        "“We are ready for the tour,” comments Paul Ardent in a statement. His comments on the "
        "band's “long break” were brief.",
        [("We are ready for the tour", "Paul Ardent", "direct", "person"),
         ("long break", "", "term", "")]),
    "told names the one spoken to, not the speaker": (
        "Ada Moll, the family's lawyer, told the Daily Ledger in a statement that the case was closed.\n\n"
        "“They can grieve now,” she said.",
        [("They can grieve now", "Ada Moll", "direct", "person")]),
    "appositive after the name": (
        "“We will not sign this,” Mara Quill, the ministry's spokesperson, said on Friday.",
        [("We will not sign", "Mara Quill", "direct", "person")]),
    "title before the name": (
        "Foreign Ministry spokesperson Tomas Evren said the visit “sends the wrong signal.”",
        [("sends the wrong signal", "Tomas Evren", "partial", "person")]),
    "a clause opener is no speaker": (
        "Without a budget deal in place, the board said it would “pause all hiring.”",
        [("pause all hiring", "the board", "partial", "organization")]),
    "that being said is no speaker": (
        "That being said, nothing was agreed and the talks were only “a start.”",
        [("a start", "", "term", "")]),
    "verb first, then the name and a description": (
        "“The numbers do not add up,” said Lena Ortiz, an economist at Halvard University.",
        [("The numbers do not", "Lena Ortiz", "direct", "person")]),
    "verb first, a description, then the name": (
        "The plan “will not survive the winter,” said another critic of the deal, "
        "former minister Paul Dren.",
        [("will not survive", "Paul Dren", "direct", "person")]),
    "a surname alone is the full name given before": (
        "Senator Ruth Okafor met the mayor on Monday.\n\n“We found common ground,” Okafor said.",
        [("We found common ground", "Ruth Okafor", "direct", "person")]),
    "an organization speaks in a statement": (
        "“The claims are baseless,” the ministry said in a statement.",
        [("The claims are baseless", "the ministry", "direct", "organization")]),
    "a government speaks": (
        "“We reject these claims entirely,” China said on Tuesday.",
        [("We reject these claims", "China", "direct", "organization")]),
    "an anonymous source keeps its description": (
        "“Nobody expected this,” said a senior official who asked not to be named.",
        [("Nobody expected this", "a senior official", "direct", "anonymous")]),
    "the pronoun is the last speaker": (
        "“We are ready,” said Tomas Evren.\n\n“The rest is up to them,” he added.",
        [("We are ready", "Tomas Evren", "direct", "person"),
         ("The rest is up to them", "Tomas Evren", "direct", "person")]),
    "a pronoun does not reach across a change of topic": (
        "“We are ready,” said Tomas Evren.\n\nThe committee met on Tuesday.\n\n"
        "The vote was delayed again.\n\n“It will pass, sooner or later,” he said.",
        [("We are ready", "Tomas Evren", "direct", "person"),
         ("It will pass", "", "direct", "")]),
    "a paragraph opening on a new person takes the pronoun": (
        "“We are ready,” said Tomas Evren.\n\nIngrid Sala was the second witness. "
        "She said the delay was “entirely avoidable.”",
        [("We are ready", "Tomas Evren", "direct", "person"),
         ("entirely avoidable", "Ingrid Sala", "partial", "person")]),
    "a paragraph-long quote after reported speech": (
        "Senator Ruth Okafor said the plan was only a first step.\n\n"
        "“We have a long way to go and we know it.”",
        [("We have a long way", "Ruth Okafor", "continued", "person")]),
    "a quote followed by a different person's said is not theirs": (
        "The agency faced questions on Monday.\n\n“We followed every rule we were given.” "
        "Daniel Brandt said the agency had ignored the warnings.",
        [("We followed every rule", "", "direct", "")]),
    "two speakers in one paragraph": (
        "“Prices will fall,” said Lena Ortiz, while Tomas Evren said, “They will not fall.”",
        [("Prices will fall", "Lena Ortiz", "direct", "person"),
         ("They will not fall", "Tomas Evren", "direct", "person")]),
    "a quote inside a quote": (
        "“When he told me ‘we are done here,’ I left the room,” said Mara Quill.",
        [("When he told me", "Mara Quill", "direct", "person")]),
    "reporting verb after a question": (
        "“Is that your final answer?” Brandt asked.",
        [("Is that your final answer", "Brandt", "direct", "person")]),
    "the verb inside a broken quote": (
        "“We tried,” Mara Quill said, “and we will try again next year.”",
        [("We tried", "Mara Quill", "direct", "person"),
         ("and we will try again", "Mara Quill", "direct", "person")]),
    "typewriter closing marks": (
        "“It was a mistake from the start,’’ Lena Ortiz told reporters.",
        [("It was a mistake", "Lena Ortiz", "direct", "person")]),
    "a quoted headline is no one's words": (
        "Under the headline “Markets Brace for a Long Winter,” the paper warned of job losses.",
        [("Markets Brace", "", "term", "")]),
    "titles of works are not quotations": (
        "She performed the song “Harbor Lights” before a documentary titled "
        "“The Long Road Home” was shown.",
        [("Harbor Lights", "", "term", ""), ("The Long Road Home", "", "term", "")]),
    "a URL inside marks is not a quotation": (
        'The post linked to "https://example.org/report/2024" without any comment.', []),
    "according to without quoted words is sourcing": (
        "The talks will resume next week, according to two diplomats.",
        [("two diplomats", "two diplomats", "according", "anonymous")]),
    "according to names the source of a partial quote": (
        "The president, according to the White House, had a “quick routine exam” on Saturday.",
        [("quick routine exam", "White House", "partial", "organization")]),
    "a broadcast transcript's speaker labels": (
        "STEVE ARDEN, HOST: Good morning. We begin with the storm.\n\n"
        "NINA VOSS, BYLINE: The rain started overnight and has not stopped.\n\n"
        "ARDEN: How bad is it?\n\nVOSS: The river is at its highest in decades.",
        [("Good morning", "Steve Arden", "direct", "person"),
         ("The rain started", "Nina Voss", "direct", "person"),
         ("How bad is it", "Steve Arden", "direct", "person"),
         ("The river is at", "Nina Voss", "direct", "person")]),
}

# ---------------------------------------------------------------- cleaning: a whole web page
# Everything a copy of a whole page (or a naive scraper) gives: menus, controls, the article,
# and the page after it. Written for these tests in the shape of many news sites.
WHOLE_PAGE = """Skip to content
Menu
Home
World
Politics
Business
Sport
Subscribe
Sign in
Home > World > Europe
Harbour Strike Ends After Nine Days as Dockers Accept Pay Offer
Share on Facebook
Share on Twitter
Copy link
Print
By Ines Carvalho
Published: Tuesday, 4 March 2025 8:12 am
Dockworkers in the port of Valmora voted on Monday to end a nine-day strike, accepting a pay offer that the port authority had twice rejected, union leaders said.
Advertisement
The walkout had left more than 40 container ships waiting offshore and emptied supermarket shelves across the region, according to the regional trade chamber.
Cranes stand idle at the container terminal on Friday. (Photo: Marta Bello/Harbour Press)
"Nobody wanted this to last so long," said Rui Almada, who leads the dockers' union. "But we were not going to accept less than the cost of living."
Sign up for our morning newsletter and get the day's top stories in your inbox.
The port authority said work would resume on the night shift, and that clearing the backlog could take two weeks.
Transport Minister Lena Varga welcomed the deal and said the government would review how port contracts are negotiated.
Most Popular
Flood warnings issued for three river valleys
Heavy rain is expected to continue until Thursday, forecasters said.
Ines Carvalho
Monday, 3 March 2025
City council approves new tram line
The route will connect the airport with the old town by 2028.
Tomas Reiter
Monday, 3 March 2025
12 Comments
harbourwatcher says:
March 4, 2025 at 9:02 am
Good news for everyone who has been waiting for deliveries since last week.
portcity_dad says:
March 4, 2025 at 9:40 am
Took them long enough, but a fair deal in the end as far as I can tell.
Reply
© 2025 Valmora Daily News. All rights reserved.
Privacy Policy
Terms of Use
"""
WHOLE_PAGE_HEADLINE = "Harbour Strike Ends After Nine Days as Dockers Accept Pay Offer"
WHOLE_PAGE_BODY_STARTS = [
    "Dockworkers in the port of Valmora voted",
    "The walkout had left more than 40",
    "\"Nobody wanted this to last so long,\"",
    "The port authority said work would resume",
    "Transport Minister Lena Varga welcomed",
]
WHOLE_PAGE_NOT_COUNTED = [
    "Skip to content", "Home > World", "Share on Facebook", "Copy link", "Advertisement",
    "Cranes stand idle", "Sign up for our morning newsletter", "Most Popular",
    "Flood warnings issued", "Heavy rain is expected", "City council approves",
    "The route will connect", "12 Comments", "harbourwatcher says", "Good news for everyone",
    "Took them long enough", "© 2025", "Privacy Policy",
]

# ---------------------------------------------------------------- cleaning: traps
# Lines that look like furniture and are not, or furniture glued to the article.
TRAP_AD_IN_PROSE = """Broadcasters Report Weaker Quarter

Advertisement revenue fell 4 percent in the quarter as companies cut their marketing budgets, the broadcaster said on Thursday.

Subscription income rose, partly offsetting the decline.
"""
TRAP_LEFT_IN_PROSE = """Flood Forces Villagers Out

She packed, left, and did not come back until the water had gone down three weeks later.

Mayor Ana Reis, left, and her deputy visit the flooded square on Monday.
"""
TRAP_SHORT_HEADLINE = """Rates Hold

The central bank left borrowing costs unchanged on Wednesday, saying inflation was easing more slowly than it had hoped.

Economists had expected the decision.
"""
TRAP_DATELINE_IN_QUOTE = """Ceasefire Talks Resume in Geneva

Negotiators returned to Geneva on Tuesday for a second round of talks.

"March 3, 2025 is a date nobody here will forget," the mediator said.

Both delegations said they expected the talks to last a week.
"""
TRAP_LEDE_GLUED_TO_STAMP = """ date 2025-03-04 LISBON, March 4 (Reuters) - Portugal's president called an early election on Tuesday after the government lost a confidence vote in parliament.

The vote followed weeks of dispute over the prime minister's business interests.
"""
TRAP_HARD_WRAPPED = """Glacier Loss Speeds Up, Survey Finds

Alpine glaciers lost more ice in the past two years than in any
comparable period since measurements began, a survey by three
universities found, and the loss is accelerating.

The researchers said warmer summers and less winter snow were the
main causes, and that several smaller glaciers could vanish within
a decade.
"""
TRAP_LIST_AFTER_BODY = """Band Announces Reunion Tour

The band will play 6 dates next summer, its first tour in ten years, the group said on Monday.

Tickets go on sale on Friday.

Tour dates
June 3 – Porto, Coliseu
June 5 – Madrid, WiZink Center
June 8 – Lyon, Halle Tony Garnier
June 10 – Milan, Mediolanum Forum
"""
TRAP_LAST_SENTENCE_AFTER_AD = """Mayor Resigns Over Contracts Inquiry

The mayor of a coastal town resigned on Friday, days after prosecutors opened an inquiry into how the town awarded building contracts.

She denied any wrongdoing in a statement read by her lawyer outside the town hall.

Advertisement

She did not take questions.
"""

# A wire story as a reader copies it from a news site: the page's stamps, credits, teasers
# and notices around and inside it, each of a kind the cleaner must recognise by its shape.
STAMPED_PAGE = """World
By
Mara Ellison
Published 7:42 AM EST Feb 11, 2025
Updated 18M ago
Will the Dam Deal Hold Before the Spring Floods?
Engineers from both countries signed a plan on Monday to share the reservoir's water through the spring, ending a dispute that had closed the border crossing at Tessin for a month.
Workers inspect the spillway of the Tessin dam on Sunday. (Image: Lund Press)
The plan gives each side a fixed share of the flow and sets up a joint monitoring office, officials said.
Read more: Border crossing at Tessin reopens to freight
"We have a number both sides can live with," said Ilse Borgen, who led the talks for the downstream side.
Villages below the dam have flooded twice in the last decade.
Reporting by Mara Ellison; Editing by Tom Vale
The material on this site may not be reproduced or redistributed without permission.
More in World
River talks stall as drought deepens [ANALYSIS]
32M ago
Ferry operators warn of price rises
1H ago
"""
STAMPED_PAGE_HEADLINE = "Will the Dam Deal Hold Before the Spring Floods?"
STAMPED_PAGE_BODY_STARTS = ["Engineers from both countries", "The plan gives each side",
                            "\"We have a number", "Villages below the dam"]
STAMPED_PAGE_REASONS = {
    "By": "label", "Published 7:42": "date or time stamp", "Updated 18M ago": "date or time stamp",
    "Workers inspect": "photo caption", "Read more:": "follow or read-more prompt",
    "Reporting by": "contributed-reporting line", "The material on this site": "subscription or copyright notice",
    "River talks stall": "related-content list", "32M ago": "date or time stamp",
}
# Dates, credits and "by" in body sentences: all of it the article.
TRAP_STAMPS_IN_PROSE = """Council Sets Date for Budget Vote

The council will vote on the budget on Feb. 18, 2025, the mayor said on Tuesday.

The photo of the flooded square, taken by a resident, was shared thousands of times.

By noon, more than 200 people had signed up to speak at the hearing.

Tags were handed out at the door: each speaker has three minutes.
"""
# Words of site notices and labels inside the article's own sentences: all of it the article.
TRAP_NOTICE_WORDS_IN_PROSE = """Regulator Fines App Maker Over Data Sharing

The company changed its privacy policy last year without telling its users, the regulator said.

Investors who buy shares through the app pay a commission on every trade.

The ruling may not be published in full until the appeal is heard.

The regulator's chair added:

"Users were never asked, and that is the heart of this case."
"""

# An article, then a list of other stories: title and blurb, four times over.
TEASER_LIST_PAGE = """Council Approves Harbour Tunnel After Two-Year Review

The city council approved the harbour tunnel on Tuesday by nine votes to four, ending a review that began two years ago.

Construction is expected to start next spring and to take five years, the council's transport chair said.

Opponents said they would ask the regional court to stop the project on environmental grounds.

Bakery chain closes its last city store
The family-run chain said rising rents had made the shop on Market Street impossible to keep.
Rail strike called off after late offer
Drivers will work as normal on Friday after the operator improved its pay offer overnight.
School meals scheme extended to summer
About 4,000 children will keep getting free lunches during the holidays, the education office said.
Museum reopens its glass gallery
The gallery had been closed since a roof leak damaged part of the collection in March.
"""
TEASER_LIST_BODY_STARTS = ["The city council approved", "Construction is expected", "Opponents said"]
# A listicle: numbered subheads with one paragraph each are the article.
LISTICLE = """Five Ways the New Budget Changes Your Bills

The budget published on Wednesday changes several everyday costs, starting in April.

1. Energy support ends
The winter discount on household energy bills will not be renewed after March, the finance ministry said.
2. Fuel duty stays frozen
Drivers will pay the same duty on petrol and diesel for another year, as the minister had promised.
3. Childcare hours grow
Working parents of two-year-olds will get fifteen free hours a week from September.
4. Tobacco prices rise
The duty on a pack of cigarettes goes up by the rate of inflation plus two points.
"""
