"""What a channel says when the bot's turn failed inside the channel (the server's own apology, with the hotline,
is rasa_speedups/apology.py)."""

TURN_FAILED = "抱歉，系统暂时出了点问题，请稍后再试。"
