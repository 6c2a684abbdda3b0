/* Cart and favourites without full reloads; every form still works without it. */
