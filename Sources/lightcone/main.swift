print("lightcone")
