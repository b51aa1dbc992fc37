"""The words a phrase is read by (`phrases`): names' particles and titles, determiners, numbers and their
qualifiers, function words, dates, and the endings of words that modify a noun. A module of its own so that
the rules in `phrases` stay readable; plain data, no imports."""

OPENING = frozenset("“„‟«〝")
CLOSING = frozenset("”»〞")
#: Lower-case particles inside one person's or place's name ("Qaboos bin Said", "Arnel dela Vega", a Persian
#: ezafe: "Masih-e-Daneshavari").
PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "dela", "del", "della", "der", "den", "di", "do",
                       "dos", "da", "du", "e", "la", "le", "van", "von", "ter", "y", "-", "&"})  # fmt: skip
#: Elided particles, written glued to the name word after them ("Via dell'Archeologia", "Corso d'Italia", "Valle
#: d'Aosta", "Place de l'Étoile"): the tokenizer keeps them one token, a name word though its first letter is small.
ELIDED_PARTICLES = frozenset({"d", "l", "dell", "dall", "nell", "sull", "all", "degl", "dagl", "negl", "sugl"})
#: Words that join names into a longer one, taken in on a later press ("Bank of England", "Arts and Sciences").
CONNECTORS = PARTICLES | {"of", "and", "for", "on", "the"}
#: Titles and party names before a name are not part of it ("Prime Minister Narendra Modi" -> "Narendra Modi").
TITLES = frozenset({"President", "Vice", "Prime", "Minister", "Chancellor", "Secretary", "General", "Gen", "Admiral",
                    "Commandant", "Commander", "Captain", "Capt", "Colonel", "Col", "Lieutenant", "Lt", "Sergeant",
                    "Judge", "Justice", "Chief", "Professor", "Prof", "Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Sir",
                    "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Sultan", "Emperor", "Pope",
                    "Cardinal", "Bishop", "Archbishop", "Rev", "Reverend", "Father", "Sheikh", "Governor", "Gov",
                    "Mayor", "Senator", "Sen", "Representative", "Rep", "Congressman", "Congresswoman", "MP",
                    "Ambassador", "Attorney", "Director", "Officer", "Spokesman", "Spokeswoman", "Leader",
                    "Supreme", "First", "Foreign", "Defence", "Defense", "Interior", "Health", "Finance",
                    "Republican", "Democrat", "Democratic", "Labour", "Conservative", "Senior", "Deputy", "Executive"})  # fmt: skip
#: Titles that end a title right before a person's name ("Environment Minister | Joao Silva", "Chief Executive |
#: Maria Fernandes", "Mayor | Ana Costa"); those in AMBIGUOUS_HEADS also open names of things ("General Motors",
#: "Prince Edward Island", "King Abdullah University"), so they count alone only after another title word.
TITLE_HEADS = frozenset({"President", "Minister", "Chancellor", "Secretary", "Executive", "Director", "Governor", "Gov",
                         "Mayor", "Senator", "Sen", "Representative", "Rep", "Congressman", "Congresswoman",
                         "Ambassador", "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman",
                         "Chairwoman", "Premier", "Dr", "Doctor", "Mr", "Mrs", "Ms", "Professor", "Prof", "Judge",
                         "Sheriff", "Inspector", "Superintendent", "Commander", "Commandant", "Captain", "Capt",
                         "Colonel", "Col", "Lieutenant", "Lt", "Sergeant", "Sgt", "Admiral", "Officer", "Chief",
                         "General", "Gen", "Prince", "Princess", "King", "Queen", "Lord", "Lady", "Father", "Justice",
                         "Leader", "Bishop", "Archbishop", "Cardinal", "Rev", "Reverend", "Sheikh", "Pope"})  # fmt: skip
AMBIGUOUS_HEADS = frozenset({"Chief", "General", "Prince", "Princess", "King", "Queen", "Lord", "Lady", "Father",
                             "Justice", "Leader", "Officer", "Cardinal", "Bishop", "Captain", "Commander"})  # fmt: skip
#: Capitalised words for a portfolio that open a title ("Environment Minister", "Transport Secretary"), besides TITLES.
PORTFOLIOS = frozenset({"Environment", "Transport", "Education", "Energy", "Agriculture", "Trade", "Economy",
                        "Economic", "Home", "Culture", "Tourism", "Housing", "Water", "Labor", "Industry", "Commerce",
                        "Treasury", "Security", "Immigration", "Justice", "Information", "Communications", "Fisheries",
                        "Mines", "Mining", "Petroleum", "Works", "Planning", "Development", "Science", "Sports",
                        "Police", "Fire", "Army", "Navy", "Executive", "Managing", "Operating", "Financial",
                        "Press", "Chief", "Assistant", "Acting", "Former", "Opposition", "State", "Regional",
                        "County", "City", "Provincial", "Party"})  # fmt: skip
#: Nouns for a building or a place that head a compound after another noun ("the town | hall", "the police |
#: station", "the refugee | camp"): the group of the noun before them runs on to them, a LOCATION whole (trial 22).
PLACE_HEADS = frozenset({"hall", "halls", "station", "stations", "hospital", "office", "offices", "building", "square",
                         "market", "school", "church", "mosque", "temple", "port", "airport", "centre", "center",
                         "camp", "camps", "stadium", "bridge", "courthouse", "headquarters", "plant", "factory",
                         "prison", "jail", "crossing", "terminal", "museum", "library", "clinic", "embassy", "palace",
                         "base", "shelter", "shelters", "park", "depot", "warehouse", "barracks", "compound"})  # fmt: skip
#: Words before a noun or name that a phrase may take in on a second press ("the army", "a man").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                         "my", "your", "some", "many", "several", "all", "both", "each", "every", "other", "another",
                         "most", "few", "no", "any"})  # fmt: skip
#: Fractions joined to a number by a hyphen: "two-thirds", "three-quarters" (and "-and-a-half").
FRACTIONS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})
NUMBER_WORDS = frozenset({"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                          "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                          "billions", "trillion", "dozen", "dozens"})  # fmt: skip
NUMBER_WORDS |= {fraction for fraction in FRACTIONS if not fraction.endswith("s")}  # "nearly half", "a fifth"
#: Number words an article may count with ("a hundred", "a dozen", "a third"); not "a | five-storey building".
A_NUMBERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"} | NUMBER_WORDS & FRACTIONS)
SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "percent", "%", "per", "cent"})
#: Words before a number that change what it says ("at least 35", "more than 800,000", "nearly half").
QUALIFIERS = (("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than"),
              ("up", "to"), ("as", "many", "as"), ("as", "much", "as"), ("nearly",), ("almost",), ("about",),
              ("around",), ("approximately",), ("roughly",), ("some",), ("over",), ("under",), ("only",),
              ("just",), ("all",), ("estimated",), ("an", "estimated"))  # fmt: skip
#: Words that take the noun group after "of" into one ACTOR ("most of the deceased", "many of the affected guests").
QUANTIFIERS = frozenset({"most", "many", "some", "all", "several", "few", "both", "each", "any", "none"})
#: Nouns whose group takes the "of" phrase after it, since they name people by the group they belong to
#: ("supporters of hostages", "the families of the victims", "a member of the Coast Guard").
MEMBER_NOUNS = frozenset({"member", "members", "families", "relatives", "friends", "colleagues", "supporters"})
QUALIFIER_WORDS = frozenset(word for qualifier in QUALIFIERS for word in qualifier)
RANGE_WORDS = frozenset({"to", "-", "–", "or", "and"})
#: Words a noun group never takes in: prepositions, conjunctions, pronouns, auxiliaries, the verbs news reports
#: use most, and adverbs; a noun group stops before them ("the army | says", "the war cabinet | had asked").
FUNCTION_WORDS = frozenset({
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under", "after", "before",
    "about", "against", "between", "during", "without", "within", "through", "across", "near", "since", "until",
    "as", "than", "like", "via", "per", "toward", "towards", "upon", "amid", "amidst", "among", "amongst",
    "despite", "throughout", "beside", "besides", "unto", "along", "alongside", "around", "behind", "beyond",
    "below", "above", "beneath", "underneath", "inside", "outside", "except", "versus", "unlike", "aboard", "atop", "and", "or", "but",
    "nor", "so", "yet", "if", "because", "while", "when", "although", "though", "whereas", "unless", "whether",
    "where", "who", "whom", "whose", "which", "that", "what", "he", "she", "it", "they", "we", "you", "i", "him",
    "them", "us", "me", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says",
    "say", "told", "tells", "tell", "added", "adds", "reported", "reports", "announced", "announces", "stated",
    "states", "claimed", "claims", "confirmed", "confirms", "warned", "warns", "urged", "urges", "noted", "notes",
    "explained", "according", "also", "not", "now", "still", "then", "there", "here", "very", "just", "only",
    "even", "yesterday", "today", "tomorrow", "ago", "later", "earlier", "again", "n't", "n’t", "up", "out", "off",
    "down", "away", "back", "far", "further", "more", "less", "never", "ever", "already", "however", "too", "well",
    "overnight", "tonight", "meanwhile", "afterwards", "instead", "elsewhere", "abroad", "indeed",
    "made", "known", "held", "met", "took", "taken", "gave", "given", "went", "came", "began", "became", "brought",
    "sought", "fought", "caught", "struck", "stood", "sent", "spent", "kept", "fell", "rose", "ran", "saw", "seen",
    "felt", "meant", "thought", "nobody", "everybody", "somebody", "anybody", "everyone", "someone", "anyone",
    "nothing", "something", "everything", "anything"})  # fmt: skip
#: Common verbs, in the forms no noun or adjective of the news shares ("see", "heard", "know", "found"; not "attack",
#: "fear", "lost", "broken", "remains"): a noun group never takes one in ("we see | black smoke", "Residents heard |
#: loud explosions"), and a word in -ed or -ing after one modifies its object ("found | wounded children"), where after
#: an auxiliary or a pronoun it is a verb ("had | asked"). Function words too (above: "said", "told", "saw" were).
VERBS = frozenset({
    "say", "says", "said", "tell", "tells", "told", "see", "sees", "saw", "seen", "hear", "hears", "heard", "know",
    "knows", "knew", "known", "think", "thinks", "thought", "believe", "believes", "feel", "feels", "felt", "seem",
    "seems", "want", "wants", "get", "gets", "got", "gotten", "give", "gives", "gave", "given", "take", "takes", "took",
    "taken", "make", "makes", "made", "come", "comes", "came", "go", "goes", "went", "gone", "become", "becomes",
    "became", "bring", "brings", "brought", "keep", "keeps", "kept", "begin", "begins", "began", "begun", "find",
    "finds", "found", "ask", "asks", "lets", "sit", "sits", "sat", "speak", "speaks", "spoke", "spoken", "choose",
    "chooses", "chose", "eat", "eats", "ate", "eaten", "forget", "forgets", "forgot", "hide", "hides", "hid", "sell",
    "sells", "sold", "buy", "buys", "bought", "send", "sends", "sent", "spent", "build", "builds", "built",
    "understand", "understands", "understood", "wear", "wears", "wore", "throw", "throws", "threw", "thrown", "teach",
    "teaches", "taught", "catch", "catches", "caught", "seek", "seeks", "sought", "fought", "struck", "stood", "meet",
    "meets", "met", "flee", "flees", "fled", "woke", "flew", "flown", "drove", "broke", "swore", "shook", "stole",
    "grew", "grows", "grow", "fell", "rose", "ran", "meant", "die", "dies", "kill", "kills", "carry", "carries",
    "happen", "happens", "remain", "include", "includes", "continue", "continues", "receive", "receives", "allow",
    "allows", "expect", "expects", "suggest", "suggests", "provide", "provides", "consider", "considers", "decide",
    "decides", "agree", "agrees", "arrive", "arrives", "prevent", "prevents", "accept", "accepts", "destroy",
    "destroys", "listen", "listens", "held", "added", "adds", "explained", "warned", "warns", "urged", "urges"})  # fmt: skip
FUNCTION_WORDS = FUNCTION_WORDS | VERBS
#: Words in -ing of those verbs that are nouns as often ("the court | hearing", "the school | building"): no verb.
ING_NOUNS = frozenset({"hearing", "hearings", "meeting", "building", "finding", "beginning", "understanding", "feeling",
                       "sitting", "saying", "teaching", "thinking", "offering", "showing", "gathering", "killing",
                       "happening", "wearing", "selling", "spending", "keeping", "making"})  # fmt: skip
#: Words in -ing that name an activity, a trade or a process, and so make a compound with the noun before them that
#: modifies the noun after ("a video sharing | platform", "a gold mining | project", "the money laundering | probe",
#: "a radio broadcasting | company"), where a verb of the clause would have that noun as its subject ("a bus
#: carrying | children", "a report showing | growth").
ACTIVITY_INGS = frozenset({
    "sharing", "networking", "streaming", "messaging", "broadcasting", "publishing", "printing", "recording",
    "processing", "manufacturing", "mining", "drilling", "refining", "shipping", "trading", "banking", "lending",
    "marketing", "advertising", "gaming", "gambling", "betting", "fishing", "farming", "hunting", "logging", "dating",
    "booking", "hailing", "parking", "housing", "cleaning", "heating", "cooling", "recycling", "computing",
    "engineering", "learning", "training", "teaching", "testing", "screening", "monitoring", "tracking", "checking",
    "polling", "voting", "counting", "ranking", "rating", "mourning", "laundering", "trafficking", "smuggling",
    "peacekeeping", "keeping", "firefighting", "policing", "sentencing", "funding", "fundraising", "operating",
    "transmitting", "conditioning", "flying", "boarding", "landing", "charging", "cooking", "sewing", "welding",
    "nursing", "caring", "planning", "spending", "pricing", "reporting", "editing", "filming"})  # fmt: skip
#: Pronouns a verb in -s follows as its subject ("it | rises"), and the words that open a verb's object after it
#: ("hits | the coast", "tells | them"), which no plural noun ending a noun group is followed by.
SINGULAR_SUBJECTS = frozenset({"he", "she", "it", "who", "which"})
OBJECT_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
                            "your", "him", "them", "us", "me"})  # fmt: skip
#: Quantifiers that open a verb's object as an article does, a common word after them ("the court needs | more staff");
#: not "every", "another", which open a time as often ("panic attacks | every night").
OBJECT_QUANTIFIERS = frozenset({"more", "less", "fewer", "some", "any", "many", "much", "several"})
#: Comparatives that open a verb's object as a modifier does, a common noun after them ("Harwick Foods posts | lower
#: profit"); modifiers of a time open none ("shares | last week").
COMPARATIVES = frozenset({"lower", "higher", "bigger", "smaller", "larger", "greater", "better", "worse", "stronger",
                          "weaker", "record", "fresh"})  # fmt: skip
TIME_MODIFIERS = frozenset({"last", "next", "this", "early", "late", "past", "previous", "first", "second", "same"})
#: Bare verbs of a rise or a fall, which after a plural are its verb, no noun of its group ("Oil prices | rise on
#: supply fears", "Harwick shares | fall after warning"; a re-trial added 'rise').
CHANGE_VERBS = frozenset({"rise", "fall", "climb", "drop", "dip", "slip", "slide", "soar", "surge", "jump", "rally",
                          "tumble", "plunge", "sink", "slump", "rebound", "recover", "ease", "soften", "edge"})  # fmt: skip
#: Modals, and "do" with a negation, before a bare verb ("will | vote"; spaCy splits "can't", "won't" into "ca", "wo"
#: and "n't").
MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall", "wo", "ca", "do", "does",
                    "did"})  # fmt: skip
#: Subject pronouns (and relatives) after which a word in -ly with no verb after it is a verb ("they | apply to").
LY_SUBJECTS = frozenset({"i", "we", "they", "who", "which", "that"})
#: Words that ask a question, the modal after them before its subject ("How can | people look at both sides?").
QUESTION_WORDS = frozenset({"how", "why", "where", "when"})
#: "do", "does", "did": a modal only with a negation after it ("did not | vote").
DO_FORMS = frozenset({"do", "does", "did"})
NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
#: Words between a modal and its verb: a negation, an adverb no ending shows ("will also | review", "will all | vote").
BETWEEN_MODAL_AND_VERB = NEGATIONS | {"also", "still", "soon", "then", "now", "only", "just", "even", "already", "all",
                                     "both", "again", "first", "jointly", "ever", "likely", "probably", "rather"}  # fmt: skip
#: The prepositions among the function words: a word in -ed or -ing after one may modify a noun ("to displaced
#: families"); after another function word (an auxiliary, a pronoun, "n't") it is a verb ("haven't allowed").
PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under", "after", "before",
    "about", "against", "between", "during", "without", "within", "through", "across", "near", "since", "until",
    "as", "than", "like", "via", "per", "toward", "towards", "upon", "amid", "amidst", "among", "amongst",
    "despite", "throughout", "beside", "besides", "unto", "along", "alongside", "around", "behind", "beyond",
    "below", "above", "beneath", "underneath", "inside", "outside", "except", "versus", "unlike", "aboard", "atop"})  # fmt: skip
#: Words that open a sentence as a preposition, a conjunction or an adverb ("Unlike | Senators, who ...", "After |
#: Mugabe fired", "Following | South Carolina's primary"): capitalised there only because the sentence starts with
#: them, never a name's first word (a newcomer's trial added 'Unlike Senators'), unless the article capitalises them
#: mid-sentence too (`shapes.opening_function_word`: "shares of Under Armour").
SENTENCE_OPENING_WORDS = PREPOSITIONS | {
    "and", "or", "but", "nor", "so", "yet", "if", "because", "while", "when", "whereas", "although", "though",
    "unless", "whether", "once", "then", "now", "still", "also", "even", "just", "only", "here", "there", "however",
    "meanwhile", "instead", "thus", "therefore", "hence", "moreover", "furthermore", "nevertheless", "nonetheless",
    "indeed", "perhaps", "following", "including", "regarding", "concerning", "considering"}  # fmt: skip
#: Words in -ed that open names ("United Nations", "Associated Press", "Armed Forces"): capitalised at a sentence's
#: start, still a name's first word, where another participle there is not ("Retired | FBI agent").
NAME_PARTICIPLES = frozenset({"United", "Associated", "Allied", "Armed", "Reformed", "Concerned", "Related", "Advanced",
                              "Applied", "Integrated", "Consolidated", "Federated", "Limited", "Chartered", "Certified",
                              "Registered", "Licensed", "Combined", "Distinguished", "Amalgamated", "Organized",
                              "Organised", "Assembled", "Revised"})  # fmt: skip
#: Nouns for people by their role in a story, singular ("resident"; a plural in -s or -es is found from it):
#: a lower-case one no entity marks is where a missed participant may be, so ; stops there as at a name. The
#: entities.v4 suggester's lists (annotator/suggest/lexicon.py: PERSON_NOUNS, RESIDENT_NOUNS, agents) were the
#: start; this layer may not import that package, which loads the suggesters.
PEOPLE_NOUNS = frozenset({
    "suspect", "attacker", "assailant", "shooter", "gunman", "gunmen", "killer", "victim", "eyewitness", "witness",
    "bystander", "survivor", "passenger", "resident", "villager", "protester", "demonstrator", "activist",
    "journalist", "reporter", "correspondent", "analyst", "expert", "scientist", "researcher", "doctor", "nurse",
    "paramedic", "patient", "official", "officer", "policeman", "investigator", "detective", "prosecutor",
    "lawyer", "attorney", "defendant", "politician", "lawmaker", "legislator", "minister", "senator", "spokesman",
    "spokeswoman", "spokesperson", "soldier", "troop", "fighter", "militant", "rebel", "insurgent", "firefighter",
    "rescuer", "responder", "worker", "employee", "student", "teacher", "pupil", "wife", "husband", "neighbour",
    "neighbor", "citizen", "voter", "supporter", "critic", "opponent", "aide", "volunteer", "migrant", "refugee",
    "prisoner", "inmate", "hostage", "pilot", "crew", "minor", "people", "person", "man", "men", "woman", "women",
    "child", "children", "family", "families", "relative", "parent", "police", "authority", "authorities",
    "organizer", "organiser", "leader", "member", "guest", "personnel", "staff", "government", "army", "military",
    "force", "local", "interviewee", "speaker", "mayor", "governor", "president", "council", "participant", "diver",
    "daughter", "son", "mother", "father", "brother", "sister", "sibling", "grandmother", "grandfather", "grandson",
    "granddaughter", "grandchild", "grandchildren", "uncle", "aunt", "cousin", "nephew", "niece", "girl", "boy",
    "baby", "teenager", "miner", "fisherman", "fishermen", "sailor", "farmer", "fan", "spectator"})  # fmt: skip
#: Endings of plural agent nouns ("investors", "maintainers", "terrorists", "civilians"): a lower-case word with one
#: names people (`people.is_participant`; a newcomer's trial: `;` passed "Managers", "investors"), but for the words
#: below, things and verbs of those shapes. Chosen on half of the corpus's articles; on the other half the rule added
#: 317 stops, 36 of a sample of 40 on people (pointers, canisters, levers and the verb "sponsors" were not).
AGENT_ENDINGS = ("ers", "ors", "ists", "ians")
AGENT_SHAPED_WORDS = frozenset({
    "alters", "answers", "assists", "barriers", "bitters", "blockers", "boosters", "borders", "breakers",
    "browsers", "burgers", "cancers", "centers", "centimeters", "chambers", "chapters", "characters",
    "clusters", "colors", "computers", "confers", "considers", "consists", "containers", "corners",
    "corridors", "counters", "covers", "dangers", "delivers", "detectors", "deters", "differs", "dinners",
    "discovers", "disorders", "doors", "encounters", "enters", "errors", "exists", "extractors", "factors",
    "favors", "feeders", "filters", "fingers", "firecrackers", "fliers", "floors", "flowers", "gathers",
    "hammers", "hangers", "headquarters", "helicopters", "honors", "horrors", "indicators", "indoors",
    "insists", "integers", "kilometers", "layers", "leathers", "letters", "lockers", "loudspeakers",
    "lowers", "markers", "masters", "matters", "meters", "micrometers", "millimeters", "mirrors",
    "monitors", "monsters", "motors", "murders", "numbers", "offers", "orders", "others", "outdoors",
    "oysters", "pacemakers", "papers", "parameters", "persists", "posters", "powers",
    "prayers", "predators", "prefers", "printers", "processors", "quarters", "reactors", "recorders",
    "recovers", "refers", "registers", "remembers", "reminders", "renders", "resists", "rivers", "rubbers",
    "rumors", "sectors", "sensors", "servers", "shatters", "shelters", "simulators", "slumbers",
    "smoothers", "sprinklers", "stickers", "suppers", "terrors", "towers", "tractors", "trailers",
    "transfers", "triggers", "twists", "vouchers", "waters", "wonders", "wrappers"})  # fmt: skip
#: Adjectives that stand for people after "the" with no noun after them ("the injured", "the dead"; trial 24).
PEOPLE_ADJECTIVES = frozenset({"injured", "wounded", "dead", "missing", "deceased", "displaced", "homeless",
                               "elderly", "bereaved", "accused", "unemployed", "sick"})  # fmt: skip
#: Nouns for a body of people: after a name, the lower-case head of the group the name opens ("the SEAL | union",
#: "the Hamas military | wing"), which a verb after a name never is ("the Coast Guard | spoke").
BODY_NOUNS = frozenset({"union", "unions", "party", "group", "committee", "team", "leadership", "ministry", "agency",
                        "association", "federation", "movement", "company", "firm", "board", "court", "parliament",
                        "assembly", "commission", "department", "office", "coalition", "alliance", "network",
                        "organisation", "organization", "unit", "brigade", "battalion", "militia", "faction", "wing",
                        "club", "league", "church", "community", "administration", "cabinet", "delegation",
                        "management", "workforce", "bloc", "caucus", "chapter", "branch", "consortium", "service",
                        "services"})  # fmt: skip
#: A verb of saying after a common noun makes it a speaker, so a participant ("residents said").
SPEECH_VERB_FORMS = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "reported", "announced",
                               "stated", "claimed", "confirmed", "warned", "urged", "noted", "explained",
                               "described", "wrote", "tweeted", "insisted", "denied", "estimated"})  # fmt: skip
#: Endings of nationality words ("Palestinian", "Chinese", "Israeli", "Turkish"): `v` grows one into its group.
NATIONALITY_ENDINGS = ("ian", "ean", "can", "ese", "ish", "ch", "ss", "li", "qi", "ni", "ai", "di")
#: Words that make a pronoun of "one" after them ("no one", "every one"): no figure.
PRONOUN_ONE = frozenset({"no", "every", "any", "each"})
#: Nouns of time: a number that counts them is a duration or an age ("six hours", "in one hour"), no figure (the guide).
TIME_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                        "month", "months", "year", "years", "decade", "decades"})  # fmt: skip
#: Verbs a person noun after which names the state someone is put in, no participant ("taken | hostage", "held |
#: prisoner", "took him | captive").
TAKING_VERBS = frozenset({"take", "takes", "took", "taken", "taking", "hold", "holds", "held", "holding"})
#: Words after a number that tell the time of day ("six | o'clock", "6 | pm"), and words after "at" + a number that
#: do ("at six | this morning").
CLOCK_WORDS = frozenset({"o'clock", "o’clock", "am", "pm", "a.m.", "p.m."})
DAY_DEICTICS = frozenset({"this", "tonight", "tomorrow", "yesterday", "last", "on"})
#: Person nouns that are plural already: a word after one is its verb ("people fear"), not a noun it modifies.
PLURAL_PEOPLE = frozenset({"people", "men", "women", "children", "gunmen", "police", "families", "authorities"})
#: Nouns for the news media as a body that reports, which the house conventions mark as an ACTOR ("Local media"): a
#: noun right before one, opening its group, is in the group as before a noun for people ("State | media reported";
#: a newcomer's trial added 'State'). Not "press", which modifies a noun as often ("State press agency PAP").
NEWS_MEDIA = frozenset({"media"})
DATES = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                   "February", "March", "April", "June", "July", "August", "September", "October", "November",
                   "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."})  # fmt: skip
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
CURRENCIES = frozenset({"$", "US$", "€", "£", "¥", "₹", "~"})
#: Endings of words that modify a noun rather than name one ("western", "stalled", "humanitarian", "massive"):
#: such a word is no noun group's head, and may follow "to" inside a group ("to displaced families").
MODIFIER_ENDINGS = ("ern", "ed", "al", "ic", "ous", "ful", "ian", "ary", "tive", "sive", "less", "ese", "able", "ible")
#: Of those, the endings nouns have as well ("critic", "official", "secretary", "civilian"): the last word of a group.
NOUN_LIKE_ENDINGS = ("ic", "al", "ary", "ian")
#: Modifiers no ending shows ("the first time", "the same day", "a new law").
MODIFIERS = frozenset({"new", "old", "same", "next", "last", "first", "second", "former", "own", "top", "main",
                       "major", "big", "small", "young", "high", "low", "whole", "entire", "late", "early",
                       # adjectives that are no verb or noun of the news ("thick black smoke", "loud explosions")
                       "black", "white", "red", "green", "blue", "yellow", "grey", "gray", "brown", "pink", "purple",
                       "dark", "bright", "pale", "huge", "vast", "tiny", "large", "long", "short", "tall", "wide",
                       "deep", "thick", "thin", "heavy", "broad", "little", "great", "loud", "quiet", "silent",
                       "strong", "weak", "fierce", "intense", "sharp", "sudden", "rapid", "severe", "extreme", "hot",
                       "wet", "fresh", "poor", "rich", "good", "bad", "real", "true", "wrong", "hard", "difficult",
                       "easy", "simple", "tough", "rough", "harsh", "violent", "recent", "urgent", "ancient",
                       "innocent", "different", "independent", "prominent", "important", "significant", "relevant",
                       "pregnant", "deadly", "angry", "busy", "dirty", "happy", "ready", "healthy", "wealthy",
                       "bloody", "nearby", "ongoing", "certain", "senior", "junior", "fellow", "unknown", "private",
                       "foreign", "daily", "weekly", "nightly", "likely", "male", "female"})  # fmt: skip
#: Words in -ly that are nouns or adjectives, no adverbs ("family", "ally", "supply", "the elderly residents", "a
#: deadly blast"): any other lower-case word in -ly is an adverb, never in a noun group (`shapes.adverb_at`).
LY_NOT_ADVERBS = frozenset({"family", "ally", "assembly", "supply", "rally", "reply", "anomaly", "monopoly", "bully",
                            "belly", "jelly", "lily", "folly", "tally", "gully", "fly", "butterfly", "dragonfly",
                            "firefly", "holly", "homily", "panoply", "melancholy", "doily", "filly", "telly", "dolly",
                            "elderly", "deadly", "early", "likely", "unlikely", "friendly", "unfriendly", "costly",
                            "lonely", "lovely", "holy", "ugly", "silly", "orderly", "disorderly", "curly", "burly",
                            "hilly", "chilly", "jolly", "lively", "timely", "untimely", "scholarly", "surly", "wily",
                            "worldly", "ghostly", "ghastly", "grisly", "measly", "stately", "portly", "cowardly",
                            "heavenly", "sickly", "prickly", "woolly", "oily", "only", "unruly", "unsightly",
                            "northerly", "southerly", "easterly", "westerly", "manly",
                            "motherly", "fatherly", "brotherly", "saintly", "lowly", "earthly", "deathly"})  # fmt: skip
#: Adverbs no -ly shows, or read as adverbs though a noun may take them as modifiers ("working | nearby", "treated
#: patients | daily"): adverbs unless a common word follows them ("nearby residents", "daily life").
TIME_PLACE_ADVERBS = frozenset({"nearby", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "quarterly",
                                "soon", "early", "late"})  # fmt: skip
#: Verbs whose past is their base form: before a noun group, after an auxiliary, a pronoun or a noun, the clause's
#: verb, no modifier ("has cost | exporters", "the storm hit | coastal towns"); after a determiner a noun's
#: modifier or a noun ("the cut flowers", "the cost").
BASE_FORM_PASTS = frozenset({"cost", "hit", "put", "cut", "set", "let", "hurt", "spread", "shut", "quit", "cast",
                             "burst", "beat", "bid", "broadcast", "forecast", "split", "upset"})  # fmt: skip
#: Words with those endings that are verbs or nouns ("to proceed", "to govern", "to deal").
NOT_MODIFIERS = frozenset({"concern", "govern", "deal", "steal", "reveal", "appeal", "seal", "heal", "need", "feed",
                           "proceed", "exceed", "succeed", "speed", "bed", "shed", "fed", "led", "panic",
                           "bless", "unless", "regardless", "ed", "table", "cable", "constable", "vegetable",
                           "timetable", "fable", "bible", "enable", "disable"})  # fmt: skip
#: The dashes a dateline ends with ("VALENCIA, Spain —", "LONDON (Reuters) -", "KYIV --"): entities.v6's dateline
#: rule and the title ingest gives an article opening with one (`exchange/titles.py`).
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
#: Newsroom slugs written in capitals before a dash, which are no place ("UPDATE -", "BREAKING —").
SLUGS = frozenset({"update", "updated", "breaking", "exclusive", "analysis", "opinion", "editorial", "correction",
                   "watch", "live", "urgent", "flash"})  # fmt: skip
#: Nationality adjectives (demonyms) of the world's countries and large peoples, a general list: one opening a noun
#: group is part of it ("The Greek coast guard", "Thai police": the key on it adds the group; trial 32).
NATIONALITIES = frozenset({
    "Afghan", "Albanian", "Algerian", "American", "Andorran", "Angolan", "Argentine", "Argentinian", "Armenian",
    "Australian", "Austrian", "Azerbaijani", "Bahamian", "Bahraini", "Bangladeshi", "Barbadian", "Belarusian",
    "Belgian", "Belizean", "Beninese", "Bhutanese", "Bolivian", "Bosnian", "Botswanan", "Brazilian", "British",
    "Bruneian", "Bulgarian", "Burkinabe", "Burmese", "Burundian", "Cambodian", "Cameroonian", "Canadian",
    "Chadian", "Chilean", "Chinese", "Colombian", "Congolese", "Croatian", "Croat", "Cuban", "Cypriot", "Czech",
    "Danish", "Djiboutian", "Dominican", "Dutch", "Ecuadorian", "Egyptian", "Emirati", "English", "Eritrean",
    "Estonian", "Ethiopian", "Fijian", "Filipino", "Finnish", "French", "Gabonese", "Gambian", "Georgian", "German",
    "Ghanaian", "Greek", "Guatemalan", "Guinean", "Guyanese", "Haitian", "Honduran", "Hungarian", "Icelandic",
    "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Ivorian", "Jamaican", "Japanese",
    "Jordanian", "Kazakh", "Kenyan", "Korean", "Kosovan", "Kuwaiti", "Kyrgyz", "Lao", "Laotian", "Latvian",
    "Lebanese", "Liberian", "Libyan", "Lithuanian", "Luxembourgish", "Macedonian", "Malagasy", "Malawian",
    "Malaysian", "Maldivian", "Malian", "Maltese", "Mauritanian", "Mauritian", "Mexican", "Moldovan", "Mongolian",
    "Montenegrin", "Moroccan", "Mozambican", "Namibian", "Nepalese", "Nepali", "Nicaraguan", "Nigerian",
    "Nigerien", "Norwegian", "Omani", "Pakistani", "Palestinian", "Panamanian", "Paraguayan", "Peruvian", "Polish",
    "Portuguese", "Qatari", "Romanian", "Russian", "Rwandan", "Salvadoran", "Samoan", "Saudi", "Scottish",
    "Senegalese", "Serbian", "Serb", "Singaporean", "Slovak", "Slovenian", "Somali", "Sudanese",
    "Spanish", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian", "Thai", "Tibetan", "Togolese",
    "Tongan", "Tunisian", "Turkish", "Turkmen", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek", "Venezuelan",
    "Vietnamese", "Welsh", "Yemeni", "Zambian", "Zimbabwean", "Arab", "Kurdish", "Basque", "Catalan", "Flemish",
    "Pashtun", "Tamil", "Uyghur", "Uighur", "Rohingya", "Yazidi", "Druze", "Bedouin", "European", "African",
    "Asian", "Nordic", "Baltic", "Balkan", "Caribbean"})  # fmt: skip
#: Irregular pasts that end a nationality's group as its verb ("the Thai navy boat | sank"; trial 32), and that a
#: label key adds nothing on after their subject ("the team | won": `verbs.past_after_subject`; t7).
IRREGULAR_PASTS = frozenset({"sank", "sunk", "swam", "won", "drew", "hung", "rang", "sang", "spun", "tore", "wrote",
                             "rode", "slid", "dug", "wept", "slept", "crept", "leapt", "swept", "shone", "bled",
                             "clung", "flung", "swung", "fled", "hid", "lost", "led", "paid", "withdrew"})  # fmt: skip
#: Plural nouns that modify the noun after them ("the state news | agency", "the human rights | group", "peace talks
#: | venue"): no verb in -s between a subject and its object, as one is in "Storm cuts | power" (trial 32).
PLURAL_MODIFIERS = frozenset({"news", "arms", "sports", "goods", "savings", "customs", "rights", "affairs", "relations",
                              "operations", "weapons", "forces", "services", "talks", "sales", "works",
                              "drugs", "means", "series", "species", "headquarters", "politics", "economics",
                              "communications", "emissions", "earnings", "crimes", "troops", "parts", "systems",
                              "resources", "arts", "games", "awards", "olympics", "lands", "waters", "fisheries",
                              "mines", "utilities", "securities", "futures", "markets"})  # fmt: skip


#: Words after which "to" is a preposition, never an infinitive's ("according to | state television").
TO_PREPOSITIONS = frozenset(
    {"according", "due", "next", "close", "thanks", "prior", "owing", "contrary", "compared", "similar", "opposed",
     "relative"}
)  # fmt: skip
