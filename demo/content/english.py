"""The English side of the shop-wide demo texts in ``shop.py`` that are written in Chinese only:
section intros, the welcome text, announcements, shop settings and footer links. The loaders
put them in the English columns (demo.bilingual); what has no English here shows in Chinese on
the English pages.
"""

SECTION_INTROS = {
    "brands": "<p>The brands we work with: their stories, their latest news and events.</p>",
    "guides": "Buying guides from our editors: understand first, then buy less and better.",
    "help": "Shopping, payment, delivery and after-sales questions, answered. Can't find yours? "
    "Our customer service is happy to help.",
}

WELCOME = (
    "<h2>Welcome</h2>"
    "<p>Good shopping starts with understanding. Here you find eight brands that care about "
    "what they make, more than twenty buying guides written by our editors, and clear "
    "information on payment, delivery and after-sales.</p>"
    "<p>Free delivery from ¥99 and 7-day returns. Questions? Call our customer service on "
    "400-820-1234 (daily 9:00–21:00).</p>"
)

# Chinese announcement text → English text.
ANNOUNCEMENTS = {
    "客服热线服务时间调整为每天 9:00–21:00，节假日照常服务。": (
        "Customer service now answers daily from 9:00 to 21:00, holidays included."
    ),
    "全场满 99 元包邮，新用户首单再减 10 元。": (
        "Free delivery on orders from ¥99, and ¥10 off a new customer's first order."
    ),
    "春节期间暂停发货，2 月 18 日起恢复正常配送。": (
        "No dispatch over the Spring Festival; normal delivery resumes on 18 February."
    ),
}

# Notes under the ways to pay and to deliver that the product page reads from checkout, as in
# demo/content/shop.py: nothing here names a method, a fee or a time limit of its own.
PAYMENT_METHODS_INFO = (
    "<p>If the money has left your account but the order still shows unpaid, do not pay again: "
    "refresh the order page a little later. For a bank transfer, pay only into the company "
    "account shown on the order page and write the order number as the reference.</p>"
)

SHIPPING_INFO = (
    "<p>Goods in stock leave our warehouse within 24 hours of payment; pre-orders ship on the "
    "date shown on their page. Before delivering bulky goods the carrier calls to agree a "
    "day.</p>"
)

SERVICE_HOURS = "Daily 9:00–21:00 (holidays included)"
FOOTER_NOTE = "© Demo Shop · Shanghai ICP 00000000 · Demonstration content only"

# Footer link labels written in Chinese only → English.
FOOTER_LABELS = {
    "购物指南": "Shopping guide",
    "支付方式": "Payment",
    "配送说明": "Delivery",
    "售后服务": "After-sales",
    "全部导购": "All guides",
    "降噪耳机怎么选": "Choosing noise-cancelling earbuds",
    "跑鞋选购指南": "A running-shoe guide",
    "咖啡豆入门": "Coffee beans for beginners",
    "全部品牌": "All brands",
}

# The English side of the guides', help center's and brands' texts written in Chinese only
# (guides.py, help.py, brands.py); bodies without an English side show in Chinese.
GUIDE_SUMMARIES = {
    "noise-cancelling-earbuds": "Commuting, travelling, studying: what noise-cancelling depth, "
    "fit, battery life and codecs mean, and what separates ¥500 earbuds from ¥2,000 ones.",
    "bluetooth-speakers": "Camping, the living room or the shower? Water resistance, power, "
    "stereo pairing and battery life, all in one guide.",
    "power-banks": "CCC certification, energy ratings, fast-charging standards and airline rules: "
    "what to know before you buy a power bank.",
    "mechanical-keyboards": "Blue, red or brown switches? Layouts, hot-swapping and keycap "
    "materials, so your first mechanical keyboard is the right one.",
    "electric-toothbrush": "Sonic or rotating, how often to change the head, whether pressure "
    "warnings help: practical advice from a dentist.",
    "air-fryer": "Capacity, basket or window, is the coating safe? A small household's checklist "
    "for an air fryer, with three recipes to start.",
    "choosing-a-mattress": "How firm, springs or latex, what to check on a trial night: a "
    "mattress stays with you for ten years, so take your time.",
    "small-space-storage": "No renovation needed: zones, vertical space and matching boxes keep "
    "even a 30 m² home tidy and easy to search.",
    "rice-cooker": "Bottom heating or IH induction, inner pot materials and capacity: how to cook "
    "a good pot of rice.",
    "choosing-a-suitcase": "Cabin sizes, polycarbonate or aluminium-magnesium, spinner wheels and "
    "handles that last: buy once and stop worrying.",
    "big-sale-shopping": "How discounts, red packets, pre-sales and price protection add up: make "
    "a list first, check the price history, and avoid prices raised before a sale.",
    "insulated-bottles": "304 or 316 stainless steel, how to read keep-warm times, and how to "
    "clean the lid's seal so it never smells.",
    "running-shoes": "Cushioned, stable or fast? Arch type, weekly distance and when to try them "
    "on: find the right first pair of running shoes.",
    "hiking-boots": "Low, mid or high? Waterproof membranes, outsoles and breaking in: the boots "
    "to get before your first mountain trail.",
    "yoga-mats": "Thickness, material, grip and cleaning: choosing your first mat for yoga at "
    "home.",
    "skincare-routine": "Cleanse, moisturise, protect, plus a serum when needed: a simple routine "
    "even sensitive skin can keep up.",
    "sunscreen": "What SPF and PA mean, mineral or chemical filters, and how much is enough.",
    "coffee-beans": "Origin, process, roast and best-before dates: read a bag of coffee beans and "
    "get the flavours you like.",
    "pour-over-gear": "Dripper, kettle, grinder and scale: where a pour-over beginner's budget "
    "should go.",
    "chinese-tea": "Green, white, yellow, oolong, black and dark tea: how they differ, how to "
    "brew and how to store them.",
    "kids-picture-books": "Books by age, how to tell a good picture book, and tips for reading "
    "together.",
    "child-car-seats": "Groups by weight and height, ISOFIX, rear-facing until what age: what to "
    "know about child car seats.",
    "kids-desk-and-chair": "Adjustable height, a tilting top and good posture: a child who sits "
    "comfortably and sees clearly while doing homework.",
}

HELP_CATEGORY_DESCRIPTIONS = {
    "shopping": "Creating an account, finding products and checking out: start here for your "
    "first order.",
    "payment": "How to pay online, on delivery or by bank transfer, and what to look out for.",
    "delivery": "Delivery options, times and fees, and how to track and receive your parcel.",
    "after-sales": "How returns, exchanges, repairs and refunds work, and how long they take.",
}

HELP_SUMMARIES = {
    "create-an-account": "Sign up with your mobile number or e-mail address to see your orders, "
    "keep favourites and save delivery addresses.",
    "find-products": "Use the search box, the categories and the filters to find what you want "
    "quickly.",
    "place-an-order": "From the cart to a placed order in four steps.",
    "pay-online": "Choose online payment at checkout; the order is confirmed as soon as it is "
    "paid.",
    "cash-on-delivery": "Pay when the parcel arrives, in cash or by QR code.",
    "bank-transfer": "For company purchases and large orders: transfer to our company account and "
    "we ship once the money arrives.",
    "delivery-options": "Standard courier, SF next day and bulky freight; standard delivery is "
    "free from ¥99.",
    "track-your-parcel": "Follow the parcel in the order's details, or with the tracking number "
    "on the courier's website.",
    "receive-your-parcel": "Check the packaging before you sign, and refuse a damaged parcel on "
    "the spot to keep your rights.",
    "seven-day-returns": "Within 7 days of delivery, return an item in good condition without "
    "giving a reason.",
    "exchanges-and-repairs": "Exchange a size that does not fit; quality problems under warranty "
    "are repaired for free.",
    "refund-times": "How long refunds take for each way of paying, and how to follow yours.",
}

BRAND_STORIES = {
    "soundvalley": "<p>SoundValley started in 2014 in an acoustics lab in Shenzhen, making only "
    "earphone drivers. Its founders believed good sound should not be for audiophiles alone, so "
    "they brought recording-studio tuning to everyday earphones.</p><p>Today SoundValley makes "
    "noise-cancelling earbuds, sports earphones and portable speakers. Every pair is put through "
    "more than 200 tests in an anechoic chamber and comes with ear tips in four sizes.</p>",
    "galewind": "<p>Galewind was founded in 2011 by a few marathon runners. Finding that most "
    "running shoes were made for European and American feet, they collected the foot shapes of "
    "100,000 Chinese runners and designed new lasts.</p><p>Galewind's shoes come in three lines, "
    "cushioned, stable and racing; every model gives its recommended weekly distance and pace "
    "range, so runners choose by need rather than by looks.</p>",
    "qinghe": "<p>Qinghe cares for sensitive skin. Our formulators hold that less is more: no "
    "product has more than 20 ingredients, none has added fragrance or alcohol, and the pack says "
    "what each ingredient does.</p><p>Every new product passes a third-party patch test before "
    "it goes on sale; the reports are on our website.</p>",
    "ridge-coffee": "<p>Ridge Coffee buys directly from more than twenty farms in Baoshan and "
    "Pu'er, Yunnan, paying 30% above the market price for more careful picking and "
    "processing.</p><p>We roast in small batches every week and print the roast date and "
    "best-before window on each bag. Whether you brew pour-over, French press or espresso, the "
    "back of the bag has the recipe.</p>",
    "bookworm": "<p>Bookworm publishes books for children from 0 to 12, chosen by children's "
    "book editors and primary-school teachers. Every book is graded by age and reading level, "
    "with a suggested age and tips for reading together on the back cover.</p><p>Besides its "
    "own picture books, Bookworm brings in the best children's books from more than 40 "
    "countries, in Chinese–English editions children can read side by side.</p>",
    "wood-and-home": "<p>Most of Wood & Home's designers live in small city flats and know the "
    "trouble with storage and space. The furniture is made of FSC-certified wood, and its boards "
    "meet the ENF formaldehyde grade.</p><p>Everything comes apart and fits in an ordinary lift. "
    "The picture instructions let one person assemble a desk in half an hour.</p>",
    "lightpack": "<p>Lightpack makes luggage and outdoor gear. Our 20-inch cabin case weighs "
    "only 2.3 kg; its spinner wheels are tested over 100 km and its handle through 10,000 "
    "extensions.</p><p>Every case has a five-year warranty, and wheels and handles can be "
    "replaced one by one: repairing a case is greener than throwing it away.</p>",
    "warmkitchen": "<p>WarmKitchen designs small appliances for households of one to three: "
    "air fryers, rice cookers and multicookers in sizes for small families, with panels that "
    "keep only the functions used most.</p><p>Our website and packs hold hundreds of recipes, "
    "each with its preparation time and the accessories it needs.</p>",
}

# Brand news in the order of brands.py: (title, text) in English.
BRAND_NEWS = {
    "soundvalley": (
        (
            "Air Quiet 3: the new noise-cancelling earbuds",
            "<p>Noise cancelling down to 48 dB, 9 "
            "hours per charge, LDAC and two devices at once.</p>",
        ),
        (
            "Listening week in our shops: bring your playlist",
            "<p>30 partner shops across the "
            "country offer free listening and ear-size fitting, with a free case for orders "
            "during the week.</p>",
        ),
        (
            "SoundValley wins a design award",
            "<p>The Run Fit sports earphones won this year's "
            "industrial design award for their sweat-proof design and secure fit.</p>",
        ),
    ),
    "galewind": (
        (
            "City night runs: join us",
            "<p>Every Wednesday at 7 pm in Beijing, Shanghai and "
            "Guangzhou, at 6 to 7 minutes per kilometre; beginners welcome.</p>",
        ),
        (
            "Cloud Step 5 cushioned shoes are out",
            "<p>A new midsole returns 12% more energy, and "
            "the forefoot is 3 mm wider for wide feet.</p>",
        ),
    ),
    "qinghe": (
        (
            "Our gentle amino-acid cleanser, improved",
            "<p>A new pH 5.5 formula that leaves skin comfortable, for morning and evening.</p>",
        ),
        (
            "Skin test day: a free skin check",
            "<p>Book online for a professional skin check and "
            "skincare advice; 50 places a day.</p>",
        ),
        (
            "Qinghe's empty-bottle return",
            "<p>Send back 5 empty bottles for a travel size; every returned pack is recycled.</p>",
        ),
    ),
    "ridge-coffee": (
        (
            "New-season natural Yunnan beans are in",
            "<p>Berry and brown-sugar notes, light-medium roast; brew pour-over at 92 °C.</p>",
        ),
        (
            "Weekend cupping class",
            "<p>Learn cupping with our roaster and compare four origins in "
            "one session; for beginners.</p>",
        ),
    ),
    "bookworm": (
        (
            "Summer reading challenge",
            "<p>Read 20 books for a reading certificate and a set of "
            "bookmarks, until the end of August.</p>",
        ),
        (
            "Bilingual science picture books are out",
            "<p>12 volumes on the weather, plants and the body, for ages 5 to 8.</p>",
        ),
        (
            "Bookworm story time comes to your neighbourhood",
            "<p>Free family story time in "
            "partner bookshops on the first Saturday of every month.</p>",
        ),
    ),
    "wood-and-home": (
        (
            "New storage for small homes",
            "<p>Chests of drawers, under-bed boxes and pegboards that win you a square metre.</p>",
        ),
        (
            "Free measuring at home",
            "<p>Order made-to-measure cabinets in Beijing, Hangzhou or "
            "Chengdu and a designer measures your home for free.</p>",
        ),
    ),
    "lightpack": (
        (
            "Trade in your old case: up to ¥200 off",
            "<p>Any brand's old suitcase counts; returned cases are taken apart and reused.</p>",
        ),
        (
            "Trail 28, an ultralight hiking pack",
            "<p>28 litres, an adjustable harness, 860 g in all.</p>",
        ),
    ),
    "warmkitchen": (
        (
            "Crisp View, an air fryer with a window",
            "<p>See the food without opening the basket; 4.5 litres for two or three.</p>",
        ),
        (
            "Show us your home cooking",
            "<p>Share a dish made with a WarmKitchen appliance; every "
            "week 10 cooks win a custom apron.</p>",
        ),
        (
            "After-sales service in 200 cities",
            "<p>Collection from your door under warranty, and free return once repaired.</p>",
        ),
    ),
}
