"""Word lists the rules rely on, kept apart so the rules read as rules and the lists can grow on their own."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, one entry a word."""
    return frozenset(text.split())


#: Verbs that introduce what someone said or wrote; their subject is the speaker of a nearby quote.
SPEECH_VERBS = _words(
    """say tell add state claim report announce confirm reveal describe estimate allege warn believe accuse insist
    deny write tweet post explain note argue agree vow urge call characterise characterize voice declare reply
    respond comment acknowledge admit promise pledge suggest stress emphasise emphasize caution predict recall
    testify quote cite demand condemn praise criticise criticize blame label brand dub term"""
)

#: Nouns whose possessor or modifier acts: "Israel's forces", "a US peace envoy", "top ally the United States".
AGENT_NOUNS = _words(
    """force army military troop soldier government bombardment attack strike airstrike offensive advisor adviser
    minister president leader official police navy ambassador envoy spokesman spokeswoman spokesperson office
    cabinet parliament mediator negotiator ally diplomat authority regime administration chief commander tank
    jet missile raid invasion operation campaign decision policy team delegation embassy agency ministry
    intelligence coalition warplane drone shelling"""
)

#: Words that are titles, not part of a person's name.
TITLES = _words(
    """president prime minister mr mr. mrs mrs. ms ms. dr dr. sir chief superintendent secretary general pope king
    queen prince princess governor mayor senator sen. rep. representative admiral captain sheriff commandant
    commander colonel col. lieutenant lt. sergeant major judge justice chancellor speaker chairman chairwoman
    director inspector officer spokesman spokesperson spokeswoman ambassador envoy deputy vice foreign interior
    defence defense home health finance first regional advisor adviser bishop cardinal
    archbishop father rabbi imam sheikh emir sultan mp premier lord lady dame"""
)

#: Nouns naming a place, so a name modifying or modified by them is a LOCATION ("Sulu region").
PLACE_NOUNS = _words(
    """area province region district city town village capital state country territory border coast island street
    road neighbourhood neighborhood suburb county municipality valley river camp port"""
)

#: Words that make a named organisation a building or site, hence a LOCATION ("Hotel Arpit Palace").
FACILITY_WORDS = _words(
    """hotel palace cathedral church mosque temple synagogue airport hospital stadium station bridge square park
    tower museum school university campus prison market mall"""
)

#: Heads of nationality or religion adjectives that are places or abstractions, not participants.
NON_AGENT_HEADS = _words(
    """state nation capital city town village cathedral church mosque majority population territory border
    coast language law culture history cuisine"""
)

#: Statement sources that are documents, not actors ("the report said").
INANIMATE_SOURCES = _words(
    """report statement study data figure tally survey website document letter video footage poll analysis
    paper article record study law bill order"""
)

#: Qualifiers before a number that change its meaning: they belong to the FIGURE.
QUALIFIERS_1 = _words("nearly almost about around over roughly approximately some under just")
QUALIFIERS_2 = frozenset(
    {
        ("up", "to"),
        ("at", "least"),
        ("at", "most"),
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("as", "many"),
    }
)

#: Names the small model often mislabels that are events, not actors or places.
NOT_ENTITIES = frozenset({"brexit", "anti-brexit"})

#: Diseases and viruses by their common English names: a cause, not a participant or a place ("Coronavirus has
#: come", "blamed Ebola") (entities.v7).
DISEASES = _words(
    """coronavirus corona covid covid-19 ebola measles cholera malaria influenza flu zika sars mers polio
    tuberculosis dengue mpox monkeypox anthrax smallpox typhoid diphtheria rabies hiv aids"""
)

#: Last words of the names of streets and buildings ("Fishmongers' Hall", "Streatham High Road"): after a preposition
#: of place such a name is a LOCATION (entities.v7).
PLACE_NAME_ENDINGS = _words(
    """hall road street avenue lane boulevard highway motorway bridge square airport station stadium park tower
    mall palace terminal harbour harbor pier quay"""
)
#: Prepositions after which a name of a street or a building is where something happens or where one goes
#: (entities.v7; wider than PLACE_PREPOSITIONS, which say where someone is).
STREET_PREPOSITIONS = _words("in at inside outside onto into near on along across from through to toward towards")

#: Radio procedure words said at the start of a call or an answer ("Roger, are they inside?", "Mayday, mayday"):
#: words of radio talk, not a person addressed (entities.v7).
RADIO_WORDS = _words("roger wilco mayday")

#: Pronouns that stand for one person, and those that stand for a group or an organisation.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "them"})

#: Nouns of saying whose owner or agent is a speaker: "a statement by", "the family's statement" (quotes.v2).
SPEECH_NOUNS = _words(
    """statement word remark comment message tweet post letter order email e-mail interview speech announcement
    release note"""
)

#: Things that speak for their owner, and for themselves when no owner is named ("an official Twitter
#: account", "The account for The Show").
PROXY_NOUNS = _words("account feed channel")

#: Verbs beyond SPEECH_VERBS that report words verbatim ("referred to X as ...", "read: ...") (quotes.v2).
EXTRA_SPEECH_VERBS = _words("refer read speak remark concede answer conclude continue exclaim joke mourn shout whisper")

#: Nouns for organisations and bodies: "it" or "they" may stand for them, "he" or "she" not (quotes.v2).
BODY_NOUNS = _words(
    """government ministry department agency police army military navy company firm council committee court party
    union office service authority authorities administration organisation organization group team board
    commission parliament cabinet church family airline university school hospital embassy force forces bank
    coalition"""
)

#: Possessive pronouns and the pronoun whose antecedents they share ("its press release" -> it).
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}

#: Titles and honorifics of general English, not part of a person's name (entities.v3's general rules).
GENERAL_TITLES = _words(
    """president vice prime minister mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady king
    queen prince princess pope father rabbi imam sheikh reverend rev rev. bishop archbishop cardinal chief
    secretary general governor gov. mayor senator sen. rep. representative congressman congresswoman
    councillor councilor commissioner superintendent inspector sergeant sgt. officer detective constable
    captain capt. commander colonel col. lieutenant lt. major admiral marshal judge justice chancellor
    speaker chairman chairwoman director ambassador envoy deputy foreign interior defence defense home
    health finance attorney spokesman spokeswoman spokesperson mp premier sultan emir leader advisor adviser
    ayatollah hojatoleslam mullah mufti pastor patriarch sayyid sayed seyed syed grand supreme acting interim
    senior"""
)

#: Qualifiers of a figure, one, two and three words before it (entities.v3): "nearly 24", "at least 35",
#: "as many as 32", "all 33", "~23".
FIGURE_QUALIFIERS_1 = _words("about around approximately roughly nearly almost over under some just ~ all only")
FIGURE_QUALIFIERS_2 = frozenset(
    {
        ("at", "least"),
        ("at", "most"),
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("up", "to"),
        ("as", "many"),
        ("as", "much"),
        ("close", "to"),
        ("well", "over"),
    }
)
FIGURE_QUALIFIERS_3 = frozenset({("as", "many", "as"), ("as", "much", "as"), ("as", "few", "as")})

#: Quantity words a figure keeps its article with: "a dozen", "a quarter".
A_QUANTITIES = _words("dozen quarter half third")

#: Prepositions after which a place name is where something is or happens.
PLACE_PREPOSITIONS = _words("in at near across throughout around inside outside within")

#: Time zones' abbreviations, as written (upper case): a time of day's zone, never a participant.
TIME_ZONES = _words(
    """UTC GMT BST IST CET CEST EET EEST WET WEST MSK EST EDT CST CDT MST MDT PST PDT AKST AKDT HST AST ADT NST
    JST KST HKT SGT PHT ICT WIB PKT AEST AEDT ACST ACDT AWST NZST NZDT SAST EAT WAT CAT"""
)

#: Head nouns of proper names that name things, not participants or places: prizes, laws and treaties,
#: events ("the Nobel Prize", "the Clean Air Act", "the Paris Agreement", "the Commonwealth Games").
THING_HEADS = _words(
    """prize prizes award awards medal trophy cup act treaty accord agreement protocol convention festival game
    games olympics championship championships tournament summit"""
)

#: Prefixes that make a name a modifier ("anti-Brexit", "pro-Kremlin"), not a mention of it.
MODIFIER_PREFIXES = ("anti-", "pro-", "non-", "post-", "pre-")

#: Last words of organisations' names beyond BODY_NOUNS: "Coast Guard", "White House", "Marine Corps".
ORGANISATION_HEADS = _words("guard house corps bureau senate assembly congress command directorate institute")

#: Verbs whose subject undergoes or hosts something rather than acts: a place that is their subject stays a
#: place ("the island has experienced dozens of earthquakes", "the country suffers ...").
EXPERIENCER_VERBS = _words(
    "experience suffer undergo endure witness see recover remain face receive host border lie sit"
)

#: Nouns of what is published on a platform: a name modifying them is the platform ("a YouTube video").
MEDIA_NOUNS = _words("video videos channel account post posts page feed app livestream stream clip podcast")

#: Verbs of publishing: a name they are published "on" is a platform ("wrote on Instagram").
PUBLISHING_VERBS = _words("say write post tweet share publish announce upload broadcast stream")

#: Nouns for the people of a place: the name they are "of" is a place ("the people of X").
RESIDENT_NOUNS = _words("people resident citizen inhabitant population villager local")

#: Occupations and plural titles written capitalised before a name, beyond GENERAL_TITLES (entities.v4):
#: "Sheriff Bill Brown", "Broadcaster Piers Morgan", "Representatives Eliot Engel".
OCCUPATION_TITLES = _words("sheriff prosecutor broadcaster actor actress singer swami representatives senators")

#: Nouns that introduce the name of a work or a vessel (entities.v4): "the film X", "the boat, X,".
THING_NOUNS = _words(
    """film movie album song single show series documentary book novel play comedy drama musical opera painting
    boat ship vessel yacht ferry tanker submarine"""
)

#: Nouns that take the ACTOR they are "of" into their span (entities.v4): "members of the public".
MEMBER_NOUNS = _words("member members family families relatives friends colleagues supporters")

#: Round numbers a figure keeps its article with (entities.v4): "a hundred thousand".
ROUND_NUMBERS = _words("hundred thousand million billion")

#: Nouns (lemmas) for people by their role in a story (entities.v4): a noun phrase they head that no source
#: marked is a participant ("the suspect", "his girlfriend", "rogue operatives").
PERSON_NOUNS = _words(
    """suspect attacker assailant shooter gunman killer perpetrator victim eyewitness bystander survivor
    passenger resident villager protester demonstrator activist journalist reporter correspondent photographer
    analyst expert scientist researcher doctor nurse paramedic surgeon physician patient priest nun bishop
    archbishop clergy pastor imam rabbi monk official officer policeman policewoman investigator detective
    prosecutor lawyer attorney juror defendant plaintiff petitioner co-petitioner politician lawmaker legislator
    minister senator congressman monarch spokesman spokeswoman spokesperson spokeman soldier troop fighter
    militant rebel insurgent firefighter rescuer worker employee student teacher pupil girlfriend boyfriend wife
    husband classmate colleague neighbour neighbor citizen voter supporter critic opponent aide operative
    volunteer shopper customer migrant refugee immigrant prisoner inmate hostage dispatcher
    diver sailor pilot crew minor"""
)

#: Nouns of dealings between parties (entities.v4): the places "between" them, or "with" one, are parties, so
#: ACTORs ("an agreement between Turkey and Libya", "a conflict with Russia").
DEALINGS_NOUNS = _words(
    """agreement understanding memorandum treaty deal pact accord conflict war dispute difference differences
    relations ties talks negotiations tension tensions cooperation alliance"""
)

#: Last words of the names of legal texts (entities.v4): "the United States Constitution", "the Directive on
#: electronic commerce" name a text, not a participant or a place.
DOCUMENT_HEADS = _words("constitution directive charter amendment resolution statute regulation")

#: Heads of job titles written capitalised before a name, beyond GENERAL_TITLES (entities.v8): "Chief Executive
#: Maria Fernandes", "Managing Director X".
TITLE_HEADS = _words(
    """executive officer manager president founder editor correspondent economist analyst coordinator chair
    chairperson head ceo cfo coo emeritus"""
)

#: Plural place nouns after names joined by "and" (entities.v8): "the Tondo and Malabon districts".
PLURAL_PLACE_NOUNS = _words(
    """districts provinces regions cities towns villages counties states islands neighbourhoods neighborhoods
    suburbs municipalities slums camps valleys rivers"""
)

#: Singular place nouns after a place's name (entities.v8): "the Alentejo region".
SINGULAR_PLACE_NOUNS = _words("region province district county municipality governorate prefecture peninsula")

#: Last words of a building's name (entities.v8): "the Philippine General Hospital", "St. Luke's Medical Center".
BUILDING_ENDINGS = PLACE_NAME_ENDINGS | _words(
    """hospital clinic center centre cathedral church mosque temple synagogue hotel prison jail market museum
    arena"""
)

#: Last words of a newspaper's or a magazine's name, which keeps its "The" (entities.v8; the house conventions:
#: "The New York Times" also opening a sentence).
MEDIA_HEADS = _words(
    """times post journal telegraph herald tribune guardian independent economist atlantic observer chronicle
    gazette mail express mirror sun star globe standard register inquirer review-journal"""
)

#: Plural nouns for the people of a named organisation, one ACTOR with its name (entities.v8; the house
#: conventions: "Hamas leaders", "Coast Guard units").
ORGANISATION_PEOPLE = _words(
    """fighters detainees militants leaders members officials soldiers troops forces supporters units personnel
    staff prisoners commanders lawmakers activists executives employees workers delegates negotiators
    representatives agents volunteers researchers scientists"""
)

#: Nouns a common-noun possessor takes into its span (entities.v8; the house conventions: "the mayor's office").
POSSESSED_BODIES = _words(
    "office government administration team family spokesman spokesperson spokeswoman lawyer lawyers cabinet campaign aides staff ministry"
)

#: Titles of one person that, capitalised after "the", stand for that person (entities.v8): "the Queen".
ROYAL_TITLES = _words("queen king pope president chancellor emperor prince princess sultan emir")

#: Street words that open a street's name in Italian, Portuguese, Spanish and French (entities.v8): "Via
#: dell'Archeologia", "Rua da Prata", "Avenida de la Paz", "Rue de Rivoli".
STREET_OPENERS = frozenset(
    {"Via", "Viale", "Corso", "Piazza", "Largo", "Rua", "Avenida", "Praça", "Calle", "Plaza", "Paseo", "Rue"}
)
#: Elided particles glued to the name after them: "dell'Archeologia", "d'Italia" (entities.v8).
ELIDED = ("dell'", "dell’", "dall'", "dall’", "d'", "d’", "l'", "l’", "sull'", "sull’")

#: Plural names of parties' members, which the capitalised words before them belong to (entities.v8): "the
#: Christian Democrats", "the Free Democrats".
PARTY_PLURALS = _words("democrats republicans greens socialists liberals conservatives communists nationalists tories")

#: Currency words: no ACTOR or LOCATION, and outside a FIGURE (entities.v8; the house conventions: "1.2 million"
#: of "1.2 million euros").
CURRENCY_WORDS = _words(
    """euro euros dollar dollars pound pounds yen yuan rupee rupees peso pesos shilling shillings franc francs
    krona kronor krone kroner rouble roubles ruble rubles lira dinar dinars rand naira won ringgit baht"""
)

#: Platforms a message goes out on (entities.v8): "said via Twitter", "posted on Instagram".
PLATFORMS = _words("twitter facebook youtube instagram tiktok whatsapp weibo reddit linkedin snapchat telegram")

#: Bodies named after their leader (entities.v8): "the Trump administration", "the Morrison government".
GOVERNMENTS = _words("administration government campaign regime cabinet")

#: Verbs whose object is someone addressed, asked or held to account (entities.v9): a country there is a party, an ACTOR
#: ("asking the United States to waive", "sanction Saudi Arabia", "notify the Vatican"; "call on X" too).
PARTY_OBJECT_VERBS = _words(
    """ask urge notify sanction persuade warn accuse blame thank criticise criticize condemn praise pressure
    inform invite tell convince lobby petition"""
)

#: Plural nouns for people or groups that a nationality, religion or party word before them makes a group the
#: guide marks by that word (entities.v9): "Syrian refugees", "Catholic bishops", "European nations".
GROUP_PLURALS = _words(
    """nations countries states groups forces troops soldiers refugees migrants citizens nationals bishops priests
    nuns clergy monks leaders officials diplomats lawmakers politicians militants fighters rebels protesters
    workers students voters police authorities ministers activists pilgrims tourists"""
)

#: Common nouns for a body of people (entities.v9): "the embassy declined", "The band reunited" (the component marks
#: them as subjects in some texts and misses them in others).
BODY_HEADS = _words(
    """embassy consulate church committee commission council band group archive court ministry agency company
    government parliament senate board union party team club department administration army navy police
    tribunal foundation university trio"""
)

#: Street words that end a street's or a square's name, as news in English writes them (entities.v10): "Oxford
#: Street", "Fifth Avenue", "Nevsky Prospekt", "Potsdamer Platz", "Main St."; compared as written (capitalised).
STREET_ENDINGS = _words(
    """Street St St. Avenue Ave Ave. Road Rd Rd. Boulevard Blvd Blvd. Lane Drive Square Plaza Place Highway Expressway
    Freeway Motorway Parkway Alley Embankment Terrace Crescent Prospekt Prospect Strasse Straße Platz Straat Gracht
    Plein Gasse Ulitsa Caddesi Sokak"""
)
#: Endings of one-word street names in German and Dutch (entities.v10): "Friedrichstraße", "Alexanderplatz".
STREET_SUFFIXES = ("straße", "strasse", "platz", "straat", "gracht", "plein", "gasse", "damm")
#: Street words that open a street's or a square's name (entities.v10): entities.v8's Romance ones and more
#: ("Boulevard Haussmann", "Place de la Concorde", "Avenue Foch", "Ulitsa Tverskaya").
STREET_FIRST_WORDS = STREET_OPENERS | frozenset(
    {"Avenue", "Boulevard", "Place", "Vicolo", "Travessa", "Avinguda", "Carrer", "Ulitsa", "Prospekt"}
)

#: Heads of a name "X of <place>" that name a polity or an institution, whose whole name is the ACTOR ("the State of
#: X", "the Bank of X", "the University of X"), besides BODY_HEADS, ORGANISATION_HEADS and GOVERNMENTS (entities.v11).
INSTITUTION_HEADS = _words(
    """state republic kingdom emirate commonwealth principality federation union bank university college school
    academy institute museum church council port city county province district region diocese archdiocese"""
)

#: Heads of a subject of saying that are things said or written, not who said them (entities.v12): documents,
#: statements and their parts ("the comments said", "a manifesto says", "the complaint alleges").
SAID_THINGS = INANIMATE_SOURCES | _words(
    """comment remark message note release manifesto text post tweet email filing complaint lawsuit suit petition
    ruling verdict judgment judgement decision indictment affidavit memo memorandum notice sign label guideline
    guidance rule policy plan proposal book editorial column headline caption entry page site account feed blog
    investigation inquiry review audit assessment finding result evidence transcript announcement warning
    report statement speech interview testimony document story article"""
)

#: Common nouns for things with a doer's ending, no speakers (entities.v12): "the weather can explain".
NOT_AGENTS = _words(
    """weather water number paper center centre border power computer order matter disaster winter summer letter
    poster monitor sector factor error floor door mirror terror motor color colour meter metre chapter register
    corner cancer fever theatre theater river shelter trailer filter tower ledger charter chamber cluster decor
    event content incident accident comment moment talent patent component element percent"""
)

#: Last words of an organisation's name, capitalised as in a name ("Burisma Holdings", "Port Authority") (entities.v15).
ORGANISATION_NAME_ENDINGS = _words(
    """Holdings Foundation Authority Police Council Federation Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC plc
    PLC Bank Party Ministry Agency Association Institute Commission Committee Department Airlines Airways"""
)
